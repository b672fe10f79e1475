package org.parley.portal.liaison;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.api.Problem;
import org.parley.portal.web.Form;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The liaison's desk: the requests of their authority (the API decides which, from their
 * token), one request with its clock, clarifications, response and history, and the
 * emergency disclosures waiting for a second liaison's confirmation.
 */
@Controller
class LiaisonController {

    /** What a redirect after a change may announce: {@code ?done=withdrawn} and so on. */
    static final Set<String> DONE = Set.of("submitted", "withdrawn", "answered", "confirmed");

    private static final ParameterizedTypeReference<List<Requests.HistoryEntry>> HISTORY =
            new ParameterizedTypeReference<>() {
            };

    private final Apis apis;

    LiaisonController(Apis apis) {
        this.apis = apis;
    }

    // ---- the list -------------------------------------------------------------------------

    @GetMapping("/liaison")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String type,
            @RequestParam(required = false) String overdue, @RequestParam(required = false) String pageToken,
            Model model) {
        // only values the filters offer reach the API; anything else is ignored
        String stateFilter = state != null && Requests.STATES.contains(state) ? state : null;
        String typeFilter = type != null && Requests.TYPES.contains(type) ? type : null;
        boolean overdueOnly = "true".equals(overdue);
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/api/v1/requests");
        if (stateFilter != null) {
            query.queryParam("state", stateFilter);
        }
        if (typeFilter != null) {
            query.queryParam("type", typeFilter);
        }
        if (overdueOnly) {
            query.queryParam("overdue", "true");
        }
        query.queryParam("pageSize", 50);
        if (pageToken != null && !pageToken.isBlank()) {
            query.queryParam("pageToken", pageToken);
        }
        Api api = apis.current();
        Api.Fork<Requests.HeadlinePage> requests = api.fork(
                () -> api.get(query.encode().build().toUriString(), Requests.HeadlinePage.class));
        Api.Fork<Requests.CompanyPage> companies = api.fork(() -> NewRequestController.companies(api));
        ApiResult<Requests.HeadlinePage> page = requests.join(ApiService.REQUEST);
        ApiResult<Requests.CompanyPage> directory = companies.join(ApiService.STAKEHOLDER);
        if (page instanceof ApiResult.Refused<Requests.HeadlinePage> refused && refused.problem().status() == 400) {
            // e.g. a page token that no longer means anything: start again from the first page
            return "redirect:/liaison";
        }
        Map<String, String> companyNames = new LinkedHashMap<>();
        directory.answer().ifPresent(found -> found.items().forEach(c -> companyNames.put(c.id(), c.name())));
        model.addAttribute("requests", page.answer().orElse(null));
        model.addAttribute("requestsUnavailable", !page.ok());
        model.addAttribute("companyNames", companyNames);
        model.addAttribute("state", stateFilter);
        model.addAttribute("type", typeFilter);
        model.addAttribute("overdue", overdueOnly);
        model.addAttribute("firstPage", pageToken == null || pageToken.isBlank());
        model.addAttribute("firstPageLink", listLink(stateFilter, typeFilter, overdueOnly, null));
        model.addAttribute("nextPage", page.answer().map(Requests.HeadlinePage::nextPageToken)
                .filter(token -> !token.isBlank())
                .map(token -> listLink(stateFilter, typeFilter, overdueOnly, token)).orElse(null));
        model.addAttribute("states", Requests.STATES);
        model.addAttribute("types", Requests.TYPES);
        return "liaison/list";
    }

    static String listLink(String state, String type, boolean overdue, String pageToken) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/liaison");
        if (state != null) {
            link.queryParam("state", state);
        }
        if (type != null) {
            link.queryParam("type", type);
        }
        if (overdue) {
            link.queryParam("overdue", "true");
        }
        if (pageToken != null) {
            link.queryParam("pageToken", pageToken);
        }
        return link.encode().build().toUriString();
    }

    // ---- one request ----------------------------------------------------------------------

    @GetMapping("/liaison/requests/{id}")
    String request(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        return requestPage(id, done != null && DONE.contains(done) ? done : null, RequestPage.plain(), model);
    }

    @PostMapping("/liaison/requests/{id}/clarifications/{cid}/answer")
    String answer(@PathVariable String id, @PathVariable String cid, @RequestParam(defaultValue = "") String answer,
            Model model, HttpServletResponse response) {
        checkId(id);
        checkId(cid);
        ApiResult<JsonNode> answered = apis.current().post(
                "/api/v1/requests/" + id + "/clarifications/" + cid + "/answer", Map.of("answer", answer), null);
        return switch (answered) {
            case ApiResult.Ok<JsonNode> ok -> "redirect:/liaison/requests/" + id + "?done=answered#clarifications";
            case ApiResult.Refused<JsonNode> refused -> {
                notFoundIfHidden(refused.problem());
                response.setStatus(refused.problem().status() == 409 ? 409 : 422);
                Form form = Form.of(Map.of("answer", answer)).refusedBy(refused.problem());
                yield requestPage(id, null, new RequestPage(cid, form, false, null), model);
            }
            case ApiResult.Unavailable<JsonNode> down -> {
                response.setStatus(503);
                yield requestPage(id, null, new RequestPage(cid, Form.of(Map.of("answer", answer)), false,
                        ApiService.REQUEST), model);
            }
        };
    }

    /**
     * Withdrawing takes two clicks: the first draws the page again asking to confirm (no script
     * needed), the second ({@code confirmed=true}) withdraws.
     */
    @PostMapping("/liaison/requests/{id}/withdrawal")
    String withdraw(@PathVariable String id, @RequestParam(required = false) String confirmed, Model model,
            HttpServletResponse response) {
        checkId(id);
        if (!"true".equals(confirmed)) {
            return requestPage(id, null, new RequestPage(null, Form.EMPTY, true, null), model);
        }
        ApiResult<JsonNode> withdrawn = apis.current().post("/api/v1/requests/" + id + "/withdrawal", null, null);
        return switch (withdrawn) {
            case ApiResult.Ok<JsonNode> ok -> "redirect:/liaison/requests/" + id + "?done=withdrawn";
            case ApiResult.Refused<JsonNode> refused -> {
                notFoundIfHidden(refused.problem());
                response.setStatus(refused.problem().status() == 409 ? 409 : 422);
                yield requestPage(id, null, new RequestPage(null, Form.EMPTY.refusedBy(refused.problem()), false, null),
                        model);
            }
            case ApiResult.Unavailable<JsonNode> down -> {
                response.setStatus(503);
                yield requestPage(id, null, new RequestPage(null, Form.EMPTY, false, ApiService.REQUEST), model);
            }
        };
    }

    @PostMapping("/liaison/requests/{id}/confirmation")
    String confirmHere(@PathVariable String id, Model model, HttpServletResponse response) {
        checkId(id);
        ApiResult<JsonNode> confirmed = apis.current().post("/api/v1/requests/" + id + "/confirmation", null, null);
        return switch (confirmed) {
            case ApiResult.Ok<JsonNode> ok -> "redirect:/liaison/requests/" + id + "?done=confirmed";
            case ApiResult.Refused<JsonNode> refused -> {
                notFoundIfHidden(refused.problem());
                response.setStatus(refused.problem().status() == 409 ? 409 : 422);
                yield requestPage(id, null, new RequestPage(null, Form.EMPTY.refusedBy(refused.problem()), false, null),
                        model);
            }
            case ApiResult.Unavailable<JsonNode> down -> {
                response.setStatus(503);
                yield requestPage(id, null, new RequestPage(null, Form.EMPTY, false, ApiService.REQUEST), model);
            }
        };
    }

    private String requestPage(String id, String done, RequestPage extra, Model model) {
        checkId(id);
        Api api = apis.current();
        Api.Fork<Requests.Details> request = api.fork(() -> api.get("/api/v1/requests/" + id, Requests.Details.class));
        Api.Fork<List<Requests.HistoryEntry>> history = api.fork(() -> api.get("/api/v1/requests/" + id + "/history",
                HISTORY));
        Requests.Details details = request.join(ApiService.REQUEST).orNotFound();
        ApiResult<List<Requests.HistoryEntry>> records = history.join(ApiService.REQUEST);
        model.addAttribute("request", details);
        model.addAttribute("history", records.answer().orElse(null));
        model.addAttribute("historyUnavailable", !records.ok());
        model.addAttribute("done", done);
        model.addAttribute("extra", extra);
        return "liaison/request";
    }

    // ---- emergency disclosures to confirm --------------------------------------------------

    @GetMapping("/liaison/confirmations")
    String confirmations(Model model) {
        return confirmationsPage(null, null, null, model);
    }

    @PostMapping("/liaison/confirmations/{id}")
    String confirm(@PathVariable String id, Model model, HttpServletResponse response) {
        checkId(id);
        ApiResult<JsonNode> confirmed = apis.current().post("/api/v1/requests/" + id + "/confirmation", null, null);
        return switch (confirmed) {
            case ApiResult.Ok<JsonNode> ok -> "redirect:/liaison/requests/" + id + "?done=confirmed";
            case ApiResult.Refused<JsonNode> refused -> {
                notFoundIfHidden(refused.problem());
                response.setStatus(refused.problem().status() == 409 ? 409 : 422);
                yield confirmationsPage(id, refused.problem(), null, model);
            }
            case ApiResult.Unavailable<JsonNode> down -> {
                response.setStatus(503);
                yield confirmationsPage(id, null, ApiService.REQUEST, model);
            }
        };
    }

    private String confirmationsPage(String refusedId, Problem refusal, ApiService actionUnavailable, Model model) {
        Api api = apis.current();
        ApiResult<Requests.HeadlinePage> waiting = api.get(
                "/api/v1/requests?state=AWAITING_CONFIRMATION&type=EMERGENCY_DISCLOSURE&pageSize=200",
                Requests.HeadlinePage.class);
        model.addAttribute("waiting", waiting.answer().map(Requests.HeadlinePage::items).orElse(null));
        model.addAttribute("waitingUnavailable", !waiting.ok());
        model.addAttribute("refusedId", refusedId);
        model.addAttribute("refusal", refusal);
        model.addAttribute("actionUnavailable", actionUnavailable);
        return "liaison/confirmations";
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Ids are UUIDs; anything else is a page that does not exist (and never reaches the API's paths). */
    private static void checkId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new NotFoundPage();
        }
    }

    /** A request the liaison may not see answers like one that does not exist. */
    private static void notFoundIfHidden(Problem problem) {
        if (problem.status() == 404) {
            throw new NotFoundPage();
        }
    }
}
