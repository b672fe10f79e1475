package org.parley.portal.reviewer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.notices.Forms;
import org.parley.portal.publicpages.PublicApi;
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
import tools.jackson.databind.JsonNode;

/**
 * The commitments an independent reviewer assesses (the GNI model): every standing pledge, those
 * never assessed first, then those assessed longest ago; one commitment with its reports and past
 * assessments, and the assessment form.
 */
@Controller
class CommitmentsToAssess {

    static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** stakeholder-service's {@code Rating}. */
    static final List<String> RATINGS = List.of("MEETS", "PARTIALLY_MEETS", "DOES_NOT_MEET");
    /** A pledge still standing; a lapsed or withdrawn one has nothing left to assess. */
    static final Set<String> STANDING = Set.of("PLEDGED", "IN_PROGRESS", "IMPLEMENTED");
    static final ParameterizedTypeReference<PublicApi.Items<PublicApi.Framework>> FRAMEWORKS =
            new ParameterizedTypeReference<>() {
            };

    static final Comparator<PublicApi.Commitment> NEEDS_ASSESSMENT_FIRST = Comparator
            .comparing((PublicApi.Commitment c) -> c.latestAssessment() == null ? null : c.latestAssessment().assessedAt(),
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(c -> c.stakeholder() == null ? "" : c.stakeholder().name(), Comparator.nullsLast(Comparator.naturalOrder()));

    private final Apis apis;

    CommitmentsToAssess(Apis apis) {
        this.apis = apis;
    }

    /** The API lists commitments by framework: one call for the frameworks, then theirs side by side. */
    @GetMapping("/reviewer/commitments")
    String list(Model model) {
        Api api = apis.current();
        ApiResult<PublicApi.Items<PublicApi.Framework>> frameworks = api.get("/api/v1/frameworks?pageSize=500", FRAMEWORKS);
        List<PublicApi.Commitment> commitments = null;
        boolean partly = false;
        if (frameworks.ok()) {
            Map<String, Api.Fork<PublicApi.CommitmentList>> forks = new LinkedHashMap<>();
            for (PublicApi.Framework f : frameworks.answer().map(PublicApi.Items::items).orElse(List.of())) {
                if (f.id() != null && ID.matcher(f.id()).matches()) {
                    forks.put(f.id(), api.fork(() -> api.get("/api/v1/frameworks/" + f.id() + "/commitments?pageSize=500",
                            PublicApi.CommitmentList.class)));
                }
            }
            commitments = new ArrayList<>();
            for (Api.Fork<PublicApi.CommitmentList> fork : forks.values()) {
                ApiResult<PublicApi.CommitmentList> result = fork.join(ApiService.STAKEHOLDER);
                partly |= !result.ok();
                for (PublicApi.Commitment c : result.answer().map(PublicApi.CommitmentList::items).orElse(List.of())) {
                    if (STANDING.contains(c.status())) {
                        commitments.add(c);
                    }
                }
            }
            commitments.sort(NEEDS_ASSESSMENT_FIRST);
        }
        model.addAttribute("commitments", commitments);
        model.addAttribute("partly", partly);
        return "reviewer/commitments";
    }

    @GetMapping("/reviewer/commitments/{id}")
    String commitment(@PathVariable String id, Model model) {
        return draw(id, model, Form.EMPTY);
    }

    @PostMapping("/reviewer/commitments/{id}/assessments")
    String assess(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> typed = Forms.typed(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rating", Forms.text(typed, "rating"));
        body.put("findings", Forms.text(typed, "findings"));
        ApiResult<JsonNode> result = apis.current().post("/api/v1/commitments/" + safe(id) + "/assessments", body,
                Forms.text(typed, "idempotencyKey"));
        return switch (result) {
            case ApiResult.Ok<JsonNode> ok -> {
                redirect.addFlashAttribute("done", "assessed");
                yield "redirect:/reviewer/commitments/" + id;
            }
            case ApiResult.Refused<JsonNode> refused when refused.problem().status() == 404 -> throw new NotFoundPage();
            case ApiResult.Refused<JsonNode> refused -> {
                response.setStatus(ReviewerController.refusal(refused.problem()));
                yield draw(id, model, Form.of(typed).refusedBy(refused.problem()));
            }
            case ApiResult.Unavailable<JsonNode> unavailable -> throw new ApiResult.ServiceUnavailable(ApiService.STAKEHOLDER);
        };
    }

    private String draw(String id, Model model, Form form) {
        PublicApi.Commitment commitment = apis.current().get("/api/v1/commitments/" + safe(id), PublicApi.Commitment.class)
                .orNotFound();
        model.addAttribute("commitment", commitment);
        model.addAttribute("form", form);
        // a new key for every drawing: a corrected form is a different body, a double click the same one
        model.addAttribute("idempotencyKey", Forms.newKey());
        model.addAttribute("ratings", RATINGS);
        if (!model.containsAttribute("done")) {
            model.addAttribute("done", null);
        }
        return "reviewer/commitment";
    }

    static String safe(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NotFoundPage();
        }
        return id;
    }
}
