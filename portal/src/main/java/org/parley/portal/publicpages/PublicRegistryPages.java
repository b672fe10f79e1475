package org.parley.portal.publicpages;

import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.publicpages.PublicApi.CommitmentList;
import org.parley.portal.publicpages.PublicApi.Items;
import org.parley.portal.publicpages.PublicApi.Stakeholder;
import org.parley.portal.publicpages.PublicApi.Standards;
import org.parley.portal.publicpages.PublicApi.StandardsVersion;
import org.parley.portal.publicpages.PublicApi.WorkingGroup;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/** Who takes part (stakeholders and working groups) and the standards in force, with their history. */
@Controller
class PublicRegistryPages {

    static final ParameterizedTypeReference<Items<WorkingGroup>> GROUPS = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<Items<StandardsVersion>> VERSIONS = new ParameterizedTypeReference<>() {
    };

    private final Apis apis;

    PublicRegistryPages(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/stakeholders")
    ModelAndView stakeholders(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String pageToken) {
        String chosen = kind != null && PublicCommitmentPages.KINDS.contains(kind) ? kind : null;
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/api/v1/stakeholders").queryParam("pageSize", 100);
        if (chosen != null) {
            path.queryParam("kind", chosen);
        }
        if (pageToken != null && pageToken.matches("[A-Za-z0-9_=.-]{1,500}")) {
            path.queryParam("pageToken", pageToken);
        }
        ApiResult<Items<Stakeholder>> stakeholders = apis.anonymous()
                .get(path.build().toUriString(), PublicCommitmentPages.STAKEHOLDERS);
        String more = stakeholders.answer().map(Items::nextPageToken).filter(t -> t.matches("[A-Za-z0-9_=.-]{1,500}"))
                .map(token -> {
                    UriComponentsBuilder next = UriComponentsBuilder.fromPath("/stakeholders");
                    if (chosen != null) {
                        next.queryParam("kind", chosen);
                    }
                    return next.queryParam("pageToken", token).build().encode().toUriString();
                }).orElse(null);
        return new ModelAndView("publicpages/stakeholders")
                .addObject("stakeholders", stakeholders)
                .addObject("kinds", PublicCommitmentPages.KINDS)
                .addObject("kind", chosen)
                .addObject("more", more);
    }

    @GetMapping("/stakeholders/{id}")
    ModelAndView stakeholder(@PathVariable String id) {
        if (!PublicCommitmentPages.ID.matcher(id).matches()) {
            throw new NotFoundPage();
        }
        Api api = apis.anonymous();
        Api.Fork<Stakeholder> detail = api.fork(() -> api.get("/api/v1/stakeholders/" + id, Stakeholder.class));
        Api.Fork<CommitmentList> commitments = api.fork(() -> api.get("/api/v1/stakeholders/" + id
                + "/commitments?pageSize=500", CommitmentList.class));
        Api.Fork<Items<WorkingGroup>> groups = api.fork(() -> api.get("/api/v1/working-groups?pageSize=500", GROUPS));
        Stakeholder stakeholder = detail.join(ApiService.STAKEHOLDER).orNotFound();
        ApiResult<Items<WorkingGroup>> memberOf = groups.join(ApiService.STAKEHOLDER)
                .map(all -> new Items<>(all.items().stream()
                        .filter(g -> g.members().stream().anyMatch(m -> id.equalsIgnoreCase(m.stakeholderId())))
                        .toList(), null));
        return new ModelAndView("publicpages/stakeholder")
                .addObject("stakeholder", stakeholder)
                .addObject("commitments", commitments.join(ApiService.STAKEHOLDER))
                .addObject("groups", memberOf);
    }

    @GetMapping("/working-groups")
    ModelAndView workingGroups() {
        return new ModelAndView("publicpages/working-groups")
                .addObject("groups", apis.anonymous().get("/api/v1/working-groups?pageSize=500", GROUPS));
    }

    @GetMapping("/standards")
    ModelAndView standards() {
        return standardsPage("/api/v1/standards/active");
    }

    @GetMapping("/standards/{version}")
    ModelAndView standardsVersion(@PathVariable String version) {
        if (!version.matches("[1-9][0-9]{0,8}")) {
            throw new NotFoundPage();
        }
        return standardsPage("/api/v1/standards/" + version);
    }

    private ModelAndView standardsPage(String path) {
        Api api = apis.anonymous();
        Api.Fork<Standards> standards = api.fork(() -> api.get(path, Standards.class));
        Api.Fork<Items<StandardsVersion>> versions = api.fork(() -> api.get("/api/v1/standards?pageSize=500", VERSIONS));
        Standards shown = standards.join(ApiService.STAKEHOLDER).orNotFound();
        ApiResult<Items<StandardsVersion>> history = versions.join(ApiService.STAKEHOLDER);
        Integer inForce = history.answer().flatMap(list -> list.items().stream()
                .filter(v -> Boolean.TRUE.equals(v.active())).map(StandardsVersion::version).findFirst())
                .orElse(shown.inForce() ? shown.version() : null);
        return new ModelAndView("publicpages/standards")
                .addObject("standards", shown)
                .addObject("versions", history)
                .addObject("inForce", inForce);
    }
}
