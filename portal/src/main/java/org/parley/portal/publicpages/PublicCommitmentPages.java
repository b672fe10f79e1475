package org.parley.portal.publicpages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.publicpages.PublicApi.Commitment;
import org.parley.portal.publicpages.PublicApi.CommitmentList;
import org.parley.portal.publicpages.PublicApi.Framework;
import org.parley.portal.publicpages.PublicApi.Items;
import org.parley.portal.publicpages.PublicApi.ProgressReport;
import org.parley.portal.publicpages.PublicApi.Stakeholder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The commitments scoreboard: each participant's pledges with their status, target date, the
 * indicator measured beside the pledge (as the API measured it, never a typed-in number), the
 * latest progress report and the latest assessment; and one commitment with everything
 * reported and assessed.
 */
@Controller
class PublicCommitmentPages {

    static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final List<String> KINDS = List.of("STATE", "COMPANY", "CIVIL_SOCIETY", "INTERNATIONAL_ORGANISATION",
            "RESEARCH", "MEDIA");
    static final List<String> STATUSES = List.of("PLEDGED", "IN_PROGRESS", "IMPLEMENTED", "LAPSED", "WITHDRAWN");

    static final ParameterizedTypeReference<Items<Stakeholder>> STAKEHOLDERS = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<Items<Framework>> FRAMEWORKS = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<Items<ProgressReport>> REPORTS = new ParameterizedTypeReference<>() {
    };

    private final Apis apis;

    PublicCommitmentPages(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/commitments")
    ModelAndView scoreboard(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String framework) {
        String chosenKind = kind != null && KINDS.contains(kind) ? kind : null;
        Api api = apis.anonymous();
        Api.Fork<Items<Stakeholder>> stakeholderFork = api.fork(() -> api.get("/api/v1/stakeholders?pageSize=500"
                + (chosenKind == null ? "" : "&kind=" + chosenKind), STAKEHOLDERS));
        Api.Fork<Items<Framework>> frameworkFork = api.fork(() -> api.get("/api/v1/frameworks?pageSize=500", FRAMEWORKS));
        ApiResult<Items<Stakeholder>> stakeholders = stakeholderFork.join(ApiService.STAKEHOLDER);
        ApiResult<Items<Framework>> frameworks = frameworkFork.join(ApiService.STAKEHOLDER);
        // only a framework the catalogue lists is passed on
        String chosenFramework = frameworks.answer()
                .flatMap(list -> list.items().stream().filter(f -> f.id() != null && f.id().equals(framework)).findFirst())
                .map(Framework::id).orElse(null);

        Map<Stakeholder, Api.Fork<CommitmentList>> lists = new LinkedHashMap<>();
        for (Stakeholder s : stakeholders.answer().map(Items::items).orElse(List.of())) {
            if (s.id() == null || !ID.matcher(s.id()).matches()) {
                continue;
            }
            String path = "/api/v1/stakeholders/" + s.id() + "/commitments?pageSize=500"
                    + (chosenFramework == null ? "" : "&frameworkId=" + chosenFramework);
            lists.put(s, api.fork(() -> api.get(path, CommitmentList.class)));
        }
        Map<Stakeholder, ApiResult<CommitmentList>> answered = new LinkedHashMap<>();
        Map<String, Api.Fork<Items<ProgressReport>>> reportForks = new LinkedHashMap<>();
        lists.forEach((stakeholder, fork) -> {
            ApiResult<CommitmentList> result = fork.join(ApiService.STAKEHOLDER);
            answered.put(stakeholder, result);
            for (Commitment c : result.answer().map(CommitmentList::items).orElse(List.of())) {
                if (c.id() != null && ID.matcher(c.id()).matches()) {
                    reportForks.put(c.id(), api.fork(() -> api.get("/api/v1/commitments/" + c.id() + "/progress-reports",
                            REPORTS)));
                }
            }
        });
        List<Pledges> pledges = new ArrayList<>();
        answered.forEach((stakeholder, result) -> {
            Map<String, ApiResult<Items<ProgressReport>>> reports = new LinkedHashMap<>();
            for (Commitment c : result.answer().map(CommitmentList::items).orElse(List.of())) {
                Api.Fork<Items<ProgressReport>> fork = reportForks.get(c.id());
                if (fork != null) {
                    reports.put(c.id(), fork.join(ApiService.STAKEHOLDER));
                }
            }
            pledges.add(new Pledges(stakeholder, result, reports));
        });
        return new ModelAndView("publicpages/commitments")
                .addObject("stakeholders", stakeholders)
                .addObject("frameworks", frameworks)
                .addObject("kinds", KINDS)
                .addObject("statuses", STATUSES)
                .addObject("kind", chosenKind)
                .addObject("framework", chosenFramework)
                .addObject("pledges", pledges);
    }

    @GetMapping("/commitments/{id}")
    ModelAndView commitment(@PathVariable String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundPage();
        }
        Commitment commitment = apis.anonymous().get("/api/v1/commitments/" + id, Commitment.class).orNotFound();
        return new ModelAndView("publicpages/commitment").addObject("commitment", commitment);
    }
}
