package org.parley.portal.reviewer;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.api.Problem;
import org.parley.portal.notices.Decisions;
import org.parley.portal.notices.Forms;
import org.parley.portal.notices.Json;
import org.parley.portal.signin.Viewer;
import org.parley.portal.web.Form;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * The independent reviewer's appeals (DSA Art. 21): the escalated ones, each with its notice, the
 * appellant's statement and the company's decision; taking one into review and deciding it, with
 * the Rabat six-part test where the category is an incitement category, as the company's desk does.
 */
@Controller
class ReviewerController {

    static final ParameterizedTypeReference<Json.Listing<Json.Appeal>> APPEALS = new ParameterizedTypeReference<>() {
    };

    /** Nobody's first, then the longest waiting first. */
    static final Comparator<Json.Appeal> QUEUE = Comparator
            .comparing((Json.Appeal a) -> a.escalation() != null && a.escalation().takenAt() != null)
            .thenComparing(a -> a.escalation() == null ? null : a.escalation().escalatedAt(),
                    Comparator.nullsLast(Comparator.naturalOrder()));

    private final Apis apis;

    ReviewerController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/reviewer")
    String queue(Model model) {
        Api api = apis.current();
        var escalated = api.fork(() -> Forms.all(api, "/api/v1/appeals?state=ESCALATED", APPEALS));
        var decided = api.fork(() -> Forms.all(api, "/api/v1/appeals?state=INDEPENDENTLY_DECIDED", APPEALS));
        model.addAttribute("appeals", escalated.join(ApiService.APPEAL).answer()
                .map(list -> list.stream().sorted(QUEUE).toList()).orElse(null));
        model.addAttribute("decided", decided.join(ApiService.APPEAL).answer()
                .map(list -> list.stream().sorted(Comparator.comparing(
                        (Json.Appeal a) -> a.independentDecision() == null ? null : a.independentDecision().decidedAt(),
                        Comparator.nullsLast(Comparator.reverseOrder()))).limit(20).toList())
                .orElse(null));
        model.addAttribute("me", me());
        return "reviewer/queue";
    }

    @GetMapping("/reviewer/appeals/{id}")
    String appeal(@PathVariable String id, Model model) {
        return draw(id, model, Form.EMPTY);
    }

    @PostMapping("/reviewer/appeals/{id}/independent-review")
    String take(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ApiResult<JsonNode> result = apis.current().post("/api/v1/appeals/" + safe(id) + "/independent-review", null, null);
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "taken");
                yield "redirect:/reviewer/appeals/" + id;
            }
            case ApiResult.Refused<JsonNode> refused when refused.problem().status() == 404 -> throw new NotFoundPage();
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(refusal(refused.problem()));
                model.addAttribute("takeProblem", refused.problem());
                yield draw(id, model, Form.EMPTY);
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> throw new ApiResult.ServiceUnavailable(ApiService.APPEAL);
        };
    }

    @PostMapping("/reviewer/appeals/{id}/independent-decision")
    String decide(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        ApiResult<JsonNode> result = apis.current()
                .post("/api/v1/appeals/" + safe(id) + "/independent-decision", Decisions.body(typed), null);
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "decided");
                yield "redirect:/reviewer/appeals/" + id;
            }
            case ApiResult.Refused<JsonNode> refused when refused.problem().status() == 404 -> throw new NotFoundPage();
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(refusal(refused.problem()));
                yield draw(id, model, Form.of(typed).refusedBy(refused.problem()));
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> throw new ApiResult.ServiceUnavailable(ApiService.APPEAL);
        };
    }

    /** The appeal, then its notice beside it. */
    private String draw(String id, Model model, Form decideForm) {
        Api api = apis.current();
        Json.Appeal appeal = api.get("/api/v1/appeals/" + safe(id), Json.Appeal.class).orNotFound();
        Json.Notice notice = api.get("/api/v1/notices/" + safe(appeal.noticeId()), Json.Notice.class).answer().orElse(null);
        model.addAttribute("appeal", appeal);
        model.addAttribute("notice", notice);
        model.addAttribute("decideForm", decideForm);
        model.addAttribute("outcomes", Decisions.OUTCOMES);
        model.addAttribute("rabatParts", Decisions.RABAT);
        model.addAttribute("decisionFields", Decisions.fields());
        model.addAttribute("me", me());
        model.addAttribute("now", Instant.now());
        if (!model.containsAttribute("done")) {
            model.addAttribute("done", null);
        }
        if (!model.containsAttribute("takeProblem")) {
            model.addAttribute("takeProblem", null);
        }
        return "reviewer/appeal";
    }

    static String me() {
        Viewer viewer = Viewer.of(SecurityContextHolder.getContext().getAuthentication());
        return viewer == null ? "" : viewer.username();
    }

    static int refusal(Problem problem) {
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
