package org.parley.portal.company;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.api.Problem;
import org.parley.portal.company.RequestJson.Detail;
import org.parley.portal.company.RequestJson.HistoryEntry;
import org.parley.portal.web.Form;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The company desk's inbox and the answering of requests. Every call carries the responder's own
 * token: the API shows them only the requests that reached their company, and decides which
 * actions each state allows ({@code availableActions}); the page offers exactly those.
 */
@Controller
class CompanyDeskController {

    static final List<String> STATES = List.of("SUBMITTED", "ACKNOWLEDGED", "CLARIFICATION_REQUESTED", "FULFILLED",
            "PARTIALLY_FULFILLED", "REJECTED", "CHALLENGED", "WITHDRAWN");
    static final List<String> TYPES = List.of("REMOVAL_ORDER", "EMERGENCY_DISCLOSURE", "INFORMATION", "PRESERVATION",
            "REFERRAL");
    static final List<String> OUTCOMES = List.of("FULFILLED", "PARTIALLY_FULFILLED", "REJECTED", "CHALLENGED");
    static final List<String> REASON_CODES = List.of("NO_LEGAL_BASIS", "OVERBROAD", "JURISDICTION", "NO_DATA",
            "TECHNICALLY_IMPOSSIBLE", "OTHER");
    /** The lifecycle action (in {@code availableActions}) that records each outcome. */
    static final Map<String, String> OUTCOME_ACTIONS = Map.of("FULFILLED", "FULFIL", "PARTIALLY_FULFILLED",
            "PARTIALLY_FULFIL", "REJECTED", "REJECT", "CHALLENGED", "CHALLENGE");

    private static final Pattern ID = Pattern.compile("[0-9A-Fa-f-]{1,64}");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final Apis apis;

    CompanyDeskController(Apis apis) {
        this.apis = apis;
    }

    // ---- the inbox ------------------------------------------------------------------------------

    @GetMapping("/company")
    String inbox(@RequestParam(required = false) String state, @RequestParam(required = false) String type,
            @RequestParam(required = false) String overdue, @RequestParam(required = false) String all, Model model) {
        String chosenState = state != null && (InboxRows.Filter.ALL.equals(state) || STATES.contains(state)) ? state : null;
        String chosenType = type != null && TYPES.contains(type) ? type : null;
        boolean overdueOnly = "true".equals(overdue);
        boolean showAll = "true".equals(all);
        InboxRows.Filter filter = new InboxRows.Filter(chosenState, chosenType, overdueOnly, showAll);
        model.addAttribute("inbox", InboxRows.inbox(apis.current(), filter));
        model.addAttribute("filter", new InboxView.FilterView(chosenState == null ? "" : chosenState,
                chosenType == null ? "" : chosenType, overdueOnly, showAll, STATES, TYPES));
        return "company/inbox";
    }

    // ---- one request ----------------------------------------------------------------------------

    @GetMapping("/company/requests/{id}")
    String request(@PathVariable String id, Model model, HttpServletResponse response) {
        return show(id, null, Form.EMPTY, false, model, response);
    }

    @PostMapping("/company/requests/{id}/acknowledgement")
    String acknowledge(@PathVariable String id, @RequestParam(required = false) String idempotencyKey,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        checked(id);
        ApiResult<JsonNode> result = apis.current().post("/api/v1/requests/" + id + "/acknowledgement", Map.of(),
                key(idempotencyKey));
        return after(result, id, "acknowledgement", Form.of(Map.of("idempotencyKey", key(idempotencyKey))),
                "done.acknowledged", model, response, redirect);
    }

    @PostMapping("/company/requests/{id}/clarifications")
    String askClarification(@PathVariable String id, @RequestParam(required = false) String question,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        checked(id);
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        ApiResult<JsonNode> result = apis.current().post("/api/v1/requests/" + id + "/clarifications", body,
                key(idempotencyKey));
        Map<String, String> typed = new HashMap<>();
        typed.put("question", question == null ? "" : question);
        typed.put("idempotencyKey", key(idempotencyKey));
        return after(result, id, "clarification", Form.of(typed), "done.clarificationAsked", model, response,
                redirect);
    }

    @PostMapping("/company/requests/{id}/response")
    String respond(@PathVariable String id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) List<String> reasonCodes,
            @RequestParam(required = false) String explanation,
            @RequestParam(name = "disclosure.itemCount", required = false) String itemCount,
            @RequestParam(name = "disclosure.packageSha256", required = false) String packageSha256,
            @RequestParam(required = false) String actionTakenAt,
            @RequestParam(required = false) String idempotencyKey,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        checked(id);
        List<String> codes = reasonCodes == null ? List.of() : reasonCodes.stream().filter(c -> !c.isBlank()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", blankToNull(outcome));
        body.put("reasonCodes", codes);
        body.put("explanation", explanation);
        body.put("actionTakenAt", utc(actionTakenAt));
        if (!isBlank(itemCount) || !isBlank(packageSha256)) {
            Map<String, Object> disclosure = new LinkedHashMap<>();
            disclosure.put("itemCount", integerOrRaw(itemCount));
            disclosure.put("packageSha256", blankToNull(packageSha256));
            body.put("disclosure", disclosure);
        }
        ApiResult<JsonNode> result = apis.current().post("/api/v1/requests/" + id + "/response", body,
                key(idempotencyKey));
        Map<String, String> typed = new HashMap<>();
        typed.put("outcome", outcome == null ? "" : outcome);
        typed.put("reasonCodes", String.join(",", codes));
        typed.put("explanation", explanation == null ? "" : explanation);
        typed.put("disclosure.itemCount", itemCount == null ? "" : itemCount);
        typed.put("disclosure.packageSha256", packageSha256 == null ? "" : packageSha256);
        typed.put("actionTakenAt", actionTakenAt == null ? "" : actionTakenAt);
        typed.put("idempotencyKey", key(idempotencyKey));
        return after(result, id, "response", Form.of(typed), "done.responded", model, response, redirect);
    }

    @PostMapping("/company/requests/{id}/user-notification")
    String recordUserNotification(@PathVariable String id, @RequestParam(required = false) String notifiedAt,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        checked(id);
        Map<String, Object> body = new HashMap<>();
        body.put("notifiedAt", utc(notifiedAt));
        ApiResult<JsonNode> result = apis.current().post("/api/v1/requests/" + id + "/user-notification", body,
                key(idempotencyKey));
        Map<String, String> typed = new HashMap<>();
        typed.put("notifiedAt", notifiedAt == null ? "" : notifiedAt);
        typed.put("idempotencyKey", key(idempotencyKey));
        return after(result, id, "notification", Form.of(typed), "done.usersNotified", model, response, redirect);
    }

    /** Success: back to the request with a confirmation; a refusal: the page again with the API's messages. */
    private String after(ApiResult<JsonNode> result, String id, String action, Form typed, String done, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", done);
                return "redirect:/company/requests/" + id;
            }
            case ApiResult.Refused<JsonNode> refused -> {
                Problem problem = refused.problem();
                if (problem.status() == 404 || problem.status() == 403) {
                    throw new NotFoundPage();
                }
                String view = show(id, action, typed.refusedBy(problem), false, model, response);
                response.setStatus(problem.status() == 409 ? 409 : 422);
                return view;
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> {
                String view = show(id, action, typed, true, model, response);
                response.setStatus(503);
                return view;
            }
        }
    }

    private String show(String id, String action, Form form, boolean actionUnavailable, Model model,
            HttpServletResponse response) {
        checked(id);
        Api api = apis.current();
        Api.Fork<Detail> detail = api.fork(() -> RequestJson.get(api, "/api/v1/requests/" + id, Detail.class));
        Api.Fork<List<HistoryEntry>> history = api.fork(() -> api.get("/api/v1/requests/" + id + "/history",
                new ParameterizedTypeReference<List<HistoryEntry>>() { }));
        ApiResult<Detail> found = detail.join(ApiService.REQUEST);
        if (found instanceof ApiResult.Unavailable<Detail>) {
            model.addAttribute("view", RequestPage.unavailable());
            response.setStatus(503);
            return "company/request";
        }
        Detail request = found.orNotFound();
        ApiResult<List<HistoryEntry>> entries = history.join(ApiService.REQUEST);
        model.addAttribute("view", new RequestPage(request, entries.answer().orElse(null), action, form,
                actionUnavailable, nowForInput(), model.getAttribute("done") instanceof String done ? done : null));
        return "company/request";
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Only ids that look like ids reach the API's paths; anything else is a page that does not exist. */
    private static void checked(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NotFoundPage();
        }
    }

    private static String key(String idempotencyKey) {
        return isBlank(idempotencyKey) ? UUID.randomUUID().toString() : idempotencyKey.strip();
    }

    static String nowForInput() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(LOCAL_INPUT);
    }

    /**
     * A {@code datetime-local} value read as UTC (the pages show every time in UTC) and sent as RFC 3339;
     * anything else is passed on as typed so that the API names the field.
     */
    static String utc(String local) {
        if (isBlank(local)) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return local.strip();
        }
    }

    private static Object integerOrRaw(String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return value.strip();
        }
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The instant as typed into a {@code datetime-local} field, in UTC. */
    static String forInput(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(LOCAL_INPUT);
    }
}
