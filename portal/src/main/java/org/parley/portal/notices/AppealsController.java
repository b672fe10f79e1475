package org.parley.portal.notices;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
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
 * The company's appeal queue (DSA Art. 20): open appeals first by due time, one appeal with its
 * notice, naming the human reviewer, and the reviewer's decision — with the Rabat six-part test
 * where the notice's category is an incitement category.
 */
@Controller
class AppealsController {

    static final ParameterizedTypeReference<List<Json.History>> HISTORY = new ParameterizedTypeReference<>() {
    };
    /** Open appeals first, soonest due first; then the others, the latest filed first. */
    static final Comparator<Json.Appeal> QUEUE = Comparator.comparing((Json.Appeal a) -> !a.open())
            .thenComparing((a, b) -> a.open()
                    ? Comparator.nullsLast(Comparator.<Instant>naturalOrder()).compare(a.dueAt(), b.dueAt())
                    : Comparator.nullsLast(Comparator.<Instant>reverseOrder()).compare(a.filedAt(), b.filedAt()));

    private final Apis apis;

    AppealsController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/company/appeals")
    String queue(Model model) {
        Api api = apis.current();
        ApiResult<List<Json.Appeal>> appeals = Forms.all(api, "/api/v1/appeals", NoticesController.APPEALS);
        model.addAttribute("appeals", appeals.answer().map(list -> list.stream().sorted(QUEUE).toList()).orElse(null));
        model.addAttribute("now", Instant.now());
        return "notices/appeals";
    }

    @GetMapping("/company/appeals/{id}")
    String appeal(@PathVariable String id, Model model) {
        return draw(id, model, Form.EMPTY, Form.EMPTY);
    }

    @PostMapping("/company/appeals/{id}/assignment")
    String assign(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        String reviewer = Forms.text(typed, "reviewer");
        Map<String, Object> body = new LinkedHashMap<>();
        if (reviewer != null) {
            body.put("reviewer", reviewer);
        }
        ApiResult<JsonNode> result = apis.current()
                .post("/api/v1/appeals/" + NoticesController.safe(id) + "/assignment", body, null);
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "assigned");
                yield "redirect:/company/appeals/" + id;
            }
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(Forms.refusedFormStatus(refused));
                yield draw(id, model, Form.of(typed).refusedBy(refused.problem()), Form.EMPTY);
            }
            case ApiResult.Unavailable<JsonNode> unavailable ->
                    throw new ApiResult.ServiceUnavailable(ApiService.APPEAL);
        };
    }

    @PostMapping("/company/appeals/{id}/decision")
    String decide(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        ApiResult<JsonNode> result = apis.current()
                .post("/api/v1/appeals/" + NoticesController.safe(id) + "/decision", Decisions.body(typed), null);
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "decided");
                yield "redirect:/company/appeals/" + id;
            }
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(Forms.refusedFormStatus(refused));
                yield draw(id, model, Form.EMPTY, Form.of(typed).refusedBy(refused.problem()));
            }
            case ApiResult.Unavailable<JsonNode> unavailable ->
                    throw new ApiResult.ServiceUnavailable(ApiService.APPEAL);
        };
    }

    /** The appeal, then its notice and its history side by side. */
    private String draw(String id, Model model, Form assignForm, Form decideForm) {
        Api api = apis.current();
        Json.Appeal appeal = api.get("/api/v1/appeals/" + NoticesController.safe(id), Json.Appeal.class).orNotFound();
        var notice = api.fork(() -> api.get("/api/v1/notices/" + NoticesController.safe(appeal.noticeId()), Json.Notice.class));
        var history = api.fork(() -> api.get("/api/v1/appeals/" + appeal.id() + "/history", HISTORY));
        Viewer viewer = Viewer.of(SecurityContextHolder.getContext().getAuthentication());
        model.addAttribute("appeal", appeal);
        model.addAttribute("notice", notice.join(ApiService.APPEAL).answer().orElse(null));
        model.addAttribute("history", history.join(ApiService.APPEAL).answer().orElse(null));
        model.addAttribute("assignForm", assignForm);
        model.addAttribute("decideForm", decideForm);
        model.addAttribute("me", viewer == null ? "" : viewer.username());
        model.addAttribute("outcomes", Decisions.OUTCOMES);
        model.addAttribute("rabatParts", Decisions.RABAT);
        model.addAttribute("now", Instant.now());
        if (!model.containsAttribute("done")) {
            model.addAttribute("done", null);
        }
        return "notices/appeal";
    }
}
