package org.parley.portal.appellant;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.api.Problem;
import org.parley.portal.notices.Forms;
import org.parley.portal.notices.Json;
import org.parley.portal.web.Form;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The pages of the person whose content was restricted: their notices and appeals, claiming a
 * printed notice with its reference and access code, the statement of reasons as they read it
 * (DSA Art. 17), their appeal to the company (Art. 20) and its escalation to an independent
 * reviewer (Art. 21). Every answer is the API's: a notice or appeal that is not theirs is a page
 * that does not exist.
 */
@Controller
class AppellantController {

    static final ParameterizedTypeReference<Json.Listing<UserNotice>> NOTICES = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<Json.Listing<Json.Appeal>> APPEALS = new ParameterizedTypeReference<>() {
    };
    /** The languages a statement is commonly written in; the API takes any ISO 639-1 code. */
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "ar", "es", "it", "nl", "pl", "pt", "sv", "tr", "uk");

    private final Apis apis;
    private final MessageSource messages;

    AppellantController(Apis apis, MessageSource messages) {
        this.apis = apis;
        this.messages = messages;
    }

    // ---- the start page -------------------------------------------------------------------------

    @GetMapping("/my")
    String start(Model model) {
        return drawStart(model, Form.EMPTY, null);
    }

    private String drawStart(Model model, Form claimForm, Duration lockedFor) {
        Api api = apis.current();
        var notices = api.fork(() -> Forms.all(api, "/api/v1/notices", NOTICES));
        var appeals = api.fork(() -> Forms.all(api, "/api/v1/appeals", APPEALS));
        ApiResult<List<UserNotice>> noticeResult = notices.join(ApiService.APPEAL);
        ApiResult<List<Json.Appeal>> appealResult = appeals.join(ApiService.APPEAL);
        Map<String, Json.Appeal> appealsByNotice = appealResult.answer().orElse(List.of()).stream()
                .collect(Collectors.toMap(Json.Appeal::noticeId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        model.addAttribute("notices", noticeResult.answer()
                .map(list -> list.stream().sorted(Comparator.comparing(UserNotice::claimedAt,
                        Comparator.nullsLast(Comparator.reverseOrder()))).toList())
                .orElse(null));
        model.addAttribute("appeals", appealResult.ok() ? appealsByNotice : null);
        model.addAttribute("claimForm", claimForm);
        model.addAttribute("claimKey", Forms.newKey());
        model.addAttribute("lockedFor", lockedFor);
        model.addAttribute("now", Instant.now());
        return "appellant/start";
    }

    // ---- claiming a notice ----------------------------------------------------------------------

    @PostMapping("/my/claims")
    String claim(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", Forms.text(typed, "reference"));
        body.put("accessCode", Forms.text(typed, "accessCode"));
        // the code is never drawn again: a refused form keeps only the reference
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("reference", typed.getOrDefault("reference", ""));
        ApiResult<JsonNode> result = apis.current().post("/api/v1/notices/claims", body,
                Forms.text(typed, "idempotencyKey"));
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "claimed");
                yield "redirect:/my/notices/" + safe(ok.value().path("id").asString());
            }
            case ApiResult.Refused<JsonNode> refused -> {
                Problem problem = refused.problem();
                if (problem.status() == 429) {
                    response.setStatus(429);
                    if (problem.retryAfter() != null) {
                        response.setHeader("Retry-After", Long.toString(problem.retryAfter()));
                    }
                    yield drawStart(model, Form.of(kept), wait(problem));
                }
                response.setStatus(422);
                yield drawStart(model, Form.of(kept).refusedBy(problem.status() == 404 ? noMatch() : problem), null);
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> throw new ApiResult.ServiceUnavailable(ApiService.APPEAL);
        };
    }

    /** How long the API said to wait, in whole minutes (at least one): a person counts in minutes. */
    static Duration wait(Problem problem) {
        long seconds = problem.retryAfter() == null ? 60 : Math.max(1, problem.retryAfter());
        return Duration.ofMinutes((seconds + 59) / 60);
    }

    /**
     * A wrong code and an unknown reference are one answer of the API (404), and the page cannot tell them
     * apart either: it says so in its own words, beside the code, which is what is most often mistyped.
     */
    private Problem noMatch() {
        String message = messages.getMessage("appellant.claim.noMatch", null, LocaleContextHolder.getLocale());
        return new Problem(404, null, null, Map.of("accessCode", message), List.of(), null);
    }

    // ---- one notice -----------------------------------------------------------------------------

    @GetMapping("/my/notices/{id}")
    String notice(@PathVariable String id, Model model) {
        return drawNotice(id, model, null);
    }

    @PostMapping("/my/notices/{id}/appeal")
    String appeal(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeId", safe(id));
        body.put("statement", Forms.text(typed, "statement"));
        body.put("language", Forms.text(typed, "language"));
        ApiResult<JsonNode> result = apis.current().post("/api/v1/appeals", body, Forms.text(typed, "idempotencyKey"));
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "filed");
                yield "redirect:/my/appeals/" + safe(ok.value().path("id").asString());
            }
            case ApiResult.Refused<JsonNode> refused when refused.problem().status() == 404 -> throw new NotFoundPage();
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(refusal(refused.problem()));
                yield drawNotice(id, model, Form.of(typed).refusedBy(refused.problem()));
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> throw new ApiResult.ServiceUnavailable(ApiService.APPEAL);
        };
    }

    /** The notice, the content guidance of its category and its appeal, side by side. */
    private String drawNotice(String id, Model model, Form appealForm) {
        String path = "/api/v1/notices/" + safe(id);
        Api api = apis.current();
        var notice = api.fork(() -> api.get(path, UserNotice.class));
        var standards = api.fork(() -> api.get("/api/v1/standards/active", Json.Standards.class));
        UserNotice shown = notice.join(ApiService.APPEAL).orNotFound();
        Optional<Json.Appeal> appeal = shown.appealId() == null ? Optional.empty()
                : api.get("/api/v1/appeals/" + safe(shown.appealId()), Json.Appeal.class).answer();
        ApiResult<Json.Standards> catalogue = standards.join(ApiService.STAKEHOLDER);
        model.addAttribute("notice", shown);
        model.addAttribute("guidance", catalogue.answer().flatMap(s -> s.contentCategories().stream()
                .filter(c -> c.code() != null && c.code().equals(shown.category())).findFirst()).orElse(null));
        model.addAttribute("guidanceUnavailable", !catalogue.ok());
        model.addAttribute("appeal", appeal.orElse(null));
        model.addAttribute("appealForm", appealForm != null ? appealForm
                : Form.of(Map.of("language", LocaleContextHolder.getLocale().getLanguage())));
        model.addAttribute("appealKey", Forms.newKey());
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("now", Instant.now());
        if (!model.containsAttribute("done")) {
            model.addAttribute("done", null);
        }
        return "appellant/notice";
    }

    // ---- one appeal -----------------------------------------------------------------------------

    @GetMapping("/my/appeals/{id}")
    String appealPage(@PathVariable String id, Model model) {
        return drawAppeal(id, model, Form.EMPTY);
    }

    @PostMapping("/my/appeals/{id}/escalation")
    String escalate(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", Forms.text(typed, "reason"));
        ApiResult<JsonNode> result = apis.current().post("/api/v1/appeals/" + safe(id) + "/escalation", body, null);
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "escalated");
                yield "redirect:/my/appeals/" + id;
            }
            case ApiResult.Refused<JsonNode> refused when refused.problem().status() == 404 -> throw new NotFoundPage();
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(refusal(refused.problem()));
                yield drawAppeal(id, model, Form.of(typed).refusedBy(refused.problem()));
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> throw new ApiResult.ServiceUnavailable(ApiService.APPEAL);
        };
    }

    private String drawAppeal(String id, Model model, Form escalateForm) {
        Api api = apis.current();
        Json.Appeal appeal = api.get("/api/v1/appeals/" + safe(id), Json.Appeal.class).orNotFound();
        UserNotice notice = api.get("/api/v1/notices/" + safe(appeal.noticeId()), UserNotice.class).answer().orElse(null);
        model.addAttribute("appeal", appeal);
        model.addAttribute("notice", notice);
        model.addAttribute("escalateForm", escalateForm);
        model.addAttribute("now", Instant.now());
        if (!model.containsAttribute("done")) {
            model.addAttribute("done", null);
        }
        return "appellant/appeal";
    }

    private static int refusal(Problem problem) {
        return problem.status() == 400 || problem.status() == 422 ? 422 : problem.status();
    }

    /** Ids go into API paths: anything but an id's characters is a page that does not exist. */
    static String safe(String id) {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new NotFoundPage();
        }
        return id;
    }
}
