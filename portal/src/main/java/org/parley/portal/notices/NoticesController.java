package org.parley.portal.notices;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
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
import org.parley.portal.web.Form;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The company's statements of reasons (DSA Art. 17): the list, recording one, the reference and
 * one-time access code shown once for the user, and one notice as the company sees it.
 */
@Controller
class NoticesController {

    static final ParameterizedTypeReference<Json.Listing<Json.Notice>> NOTICES = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<Json.Listing<Json.Appeal>> APPEALS = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<Json.Listing<Json.RequestHeadline>> REQUESTS =
            new ParameterizedTypeReference<>() {
            };
    /** The restrictions of appeal-service's {@code Restriction}, in its order. */
    static final List<String> RESTRICTIONS = List.of("REMOVED", "DISABLED", "GEO_BLOCKED", "DEMOTED", "AGE_RESTRICTED",
            "ACCOUNT_SUSPENDED");
    static final List<String> GROUNDS = List.of("ILLEGAL_CONTENT", "INCOMPATIBLE_WITH_TERMS");
    /** The languages a notice is commonly written in; the API takes any ISO 639-1 code. */
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "ar", "es", "it", "nl", "pl", "pt", "sv", "tr", "uk");
    /** The government requests that can be behind a restriction: appeal-service accepts only these. */
    static final Set<String> ORDER_TYPES = Set.of("REMOVAL_ORDER", "REFERRAL");
    static final int LIST_PAGE = 50;
    static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Apis apis;

    NoticesController(Apis apis) {
        this.apis = apis;
    }

    // ---- the list -------------------------------------------------------------------------------

    @GetMapping("/company/notices")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        Api api = apis.current();
        var notices = api.fork(() -> Forms.all(api, "/api/v1/notices", NOTICES));
        var appeals = api.fork(() -> Forms.all(api, "/api/v1/appeals", APPEALS));
        ApiResult<List<Json.Notice>> noticeResult = notices.join(ApiService.APPEAL);
        ApiResult<List<Json.Appeal>> appealResult = appeals.join(ApiService.APPEAL);
        List<Json.Notice> all = noticeResult.answer().orElse(List.of()).stream()
                .sorted(Comparator.comparing(Json.Notice::recordedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Json.Notice::id, Comparator.reverseOrder()))
                .toList();
        int pages = Math.max(1, (all.size() + LIST_PAGE - 1) / LIST_PAGE);
        int current = Math.min(Math.max(1, page), pages);
        List<Json.Notice> shown = all.subList(Math.min(all.size(), (current - 1) * LIST_PAGE),
                Math.min(all.size(), current * LIST_PAGE));
        Map<String, Json.Appeal> appealsByNotice = new HashMap<>();
        appealResult.answer().orElse(List.of()).forEach(a -> appealsByNotice.put(a.noticeId(), a));
        model.addAttribute("notices", noticeResult.ok() ? shown : null);
        model.addAttribute("total", all.size());
        model.addAttribute("current", current);
        model.addAttribute("pages", pages);
        model.addAttribute("appeals", appealResult.ok() ? appealsByNotice : null);
        return "notices/list";
    }

    // ---- recording one --------------------------------------------------------------------------

    @GetMapping("/company/notices/new")
    String form(Model model) {
        Map<String, String> fresh = new LinkedHashMap<>();
        fresh.put("decidedAt", LOCAL_MINUTES.format(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)));
        return drawForm(model, Form.of(fresh), false);
    }

    @PostMapping("/company/notices/new")
    String record(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        Api api = apis.current();
        ApiResult<JsonNode> result = api.post("/api/v1/notices", body(typed), Forms.text(typed, "idempotencyKey"));
        switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                JsonNode answer = ok.value();
                String id = answer.path("id").asString();
                redirect.addFlashAttribute("issued", new Issued(id, answer.path("reference").asString(),
                        answer.path("accessCode").asString(null), instant(answer.path("appealUntil").asString(null))));
                return "redirect:/company/notices/" + id + "/issued";
            }
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(refused.problem().status() == 400 ? 422 : refused.problem().status());
                return drawForm(model, Form.of(typed).refusedBy(Forms.byField(refused.problem())), false);
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> {
                response.setStatus(503);
                return drawForm(model, Form.of(typed), true);
            }
        }
    }

    /** The form with the content guidance and the company's requests, fetched side by side. */
    private String drawForm(Model model, Form form, boolean notRecorded) {
        Api api = apis.current();
        var standards = api.fork(() -> api.get("/api/v1/standards/active", Json.Standards.class));
        var requests = api.fork(() -> Forms.all(api, "/api/v1/requests", REQUESTS));
        Json.Standards guidance = standards.join(ApiService.STAKEHOLDER).answer().orElse(null);
        List<Json.RequestHeadline> orders = requests.join(ApiService.REQUEST).answer()
                .map(list -> list.stream().filter(r -> ORDER_TYPES.contains(r.type()))
                        .sorted(Comparator.comparing(Json.RequestHeadline::receivedAt,
                                Comparator.nullsLast(Comparator.reverseOrder())))
                        .toList())
                .orElse(null);
        model.addAttribute("form", form);
        // a new key for every drawing: a corrected form is a different body, a double click the same one
        model.addAttribute("idempotencyKey", Forms.newKey());
        model.addAttribute("standards", guidance);
        model.addAttribute("requests", orders);
        model.addAttribute("restrictions", RESTRICTIONS);
        model.addAttribute("grounds", GROUNDS);
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("notRecorded", notRecorded);
        return "notices/new";
    }

    /** The body of {@code POST /api/v1/notices}, from the form as typed; the API checks every field. */
    static Map<String, Object> body(Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        String ground = Forms.text(typed, "ground");
        body.put("contentRef", Forms.text(typed, "contentRef"));
        body.put("accountRef", Forms.text(typed, "accountRef"));
        body.put("restriction", Forms.text(typed, "restriction"));
        body.put("territorialScope", Forms.codes(typed.get("territorialScope"), true));
        body.put("ground", ground);
        // only the reference the ground calls for: the other field may still hold what was typed before switching
        body.put("legalReference", "INCOMPATIBLE_WITH_TERMS".equals(ground) ? null : Forms.text(typed, "legalReference"));
        body.put("termsReference", "ILLEGAL_CONTENT".equals(ground) ? null : Forms.text(typed, "termsReference"));
        body.put("category", Forms.text(typed, "category"));
        body.put("facts", Forms.text(typed, "facts"));
        body.put("automatedDetection", Forms.yesNo(typed.get("automatedDetection")));
        body.put("automatedDecision", Forms.yesNo(typed.get("automatedDecision")));
        body.put("decidedAt", utc(typed.get("decidedAt")));
        body.put("requestId", Forms.text(typed, "requestId"));
        body.put("language", Forms.text(typed, "language"));
        return body;
    }

    /** A {@code datetime-local} value read as UTC, as the form says; anything else is left for the API to refuse. */
    static String utc(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- the reference and code, once -------------------------------------------------------------

    @GetMapping("/company/notices/{id}/issued")
    String issued(@PathVariable String id, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        Issued issued = model.getAttribute("issued") instanceof Issued i && id.equals(i.id()) ? i : null;
        ApiResult<Json.Notice> notice = apis.current().get("/api/v1/notices/" + safe(id), Json.Notice.class);
        if (issued == null || !notice.unavailable()) {
            // without the code in hand the notice itself must be there (or the page is not found)
            notice.orNotFound();
        }
        model.addAttribute("notice", notice.answer().orElse(null));
        model.addAttribute("issued", issued);
        model.addAttribute("claimAt", ServletUriComponentsBuilder.fromCurrentContextPath().path("/").toUriString());
        return "notices/issued";
    }

    /** A new access code while nobody has claimed the notice; the old one stops working. */
    @PostMapping("/company/notices/{id}/access-code")
    String replaceCode(@PathVariable String id, RedirectAttributes redirect) {
        ApiResult<JsonNode> result = apis.current().post("/api/v1/notices/" + safe(id) + "/access-code", null, null);
        JsonNode answer = result.orNotFound();
        redirect.addFlashAttribute("issued", new Issued(id, answer.path("reference").asString(),
                answer.path("accessCode").asString(null), instant(answer.path("appealUntil").asString(null))));
        return "redirect:/company/notices/" + safe(id) + "/issued";
    }

    // ---- one notice -------------------------------------------------------------------------------

    @GetMapping("/company/notices/{id}")
    String notice(@PathVariable String id, Model model) {
        // checked before forking: a bad id thrown inside a fork would read as the service being down
        String noticeId = safe(id);
        Api api = apis.current();
        var notice = api.fork(() -> api.get("/api/v1/notices/" + noticeId, Json.Notice.class));
        var appeals = api.fork(() -> api.get("/api/v1/appeals?noticeId=" + noticeId, APPEALS));
        Json.Notice shown = notice.join(ApiService.APPEAL).orNotFound();
        model.addAttribute("notice", shown);
        model.addAttribute("appeal", appeals.join(ApiService.APPEAL).answer()
                .flatMap(list -> list.items().stream().findFirst()).orElse(null));
        return "notices/notice";
    }

    /** Ids go into API paths: anything but an id's characters is a page that does not exist. */
    static String safe(String id) {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new NotFoundPage();
        }
        return id;
    }

    static String minutes(Instant instant) {
        return instant == null ? "" : LOCAL_MINUTES.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC));
    }
}
