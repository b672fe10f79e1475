package org.parley.stakeholder.standards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.NotFound;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.standards.StandardsService;
import org.parley.stakeholder.standards.domain.AnswerTime;
import org.parley.stakeholder.standards.domain.ContentCategory;
import org.parley.stakeholder.standards.domain.DataCategory;
import org.parley.stakeholder.standards.domain.LegitimateAim;
import org.parley.stakeholder.standards.domain.RequestRules;
import org.parley.stakeholder.standards.domain.RequestType;
import org.parley.stakeholder.standards.domain.Standards;
import org.parley.stakeholder.standards.domain.StandardsDraft;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The standards catalogue: content guidance and request rules, versioned; anyone reads it. */
@Tag(name = "Standards")
@RestController
@RequestMapping("/api/v1/standards")
class StandardsController {

    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final StandardsService catalogue;

    StandardsController(StandardsService catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(operationId = "listStandardsVersions", summary = "List the versions of the standards",
            description = "Anyone: every version published, the one in force marked `active`.")
    @GetMapping
    Page<VersionSummary> list(@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
        return catalogue.list(PageRequest.of(pageSize, pageToken)).map(VersionSummary::of);
    }

    @Operation(operationId = "getActiveStandards", summary = "Read the standards in force",
            description = "Anyone: the content categories and the rules that the safeguards check applies to new "
                    + "government requests. Cached for a minute.")
    @GetMapping("/active")
    ResponseEntity<StandardsView> active() {
        return ResponseEntity.ok().cacheControl(SHORT).body(StandardsView.of(catalogue.active()));
    }

    @Operation(operationId = "getStandards", summary = "Read a version of the standards",
            description = "Anyone: every version stays readable, so a request can be read against the rules it was "
                    + "checked with.")
    @GetMapping("/{version}")
    ResponseEntity<StandardsView> get(@PathVariable String version) {
        return ResponseEntity.ok().cacheControl(SHORT).body(StandardsView.of(catalogue.get(parse(version))));
    }

    @Operation(operationId = "publishStandards", summary = "Publish a new version of the standards",
            description = "Admins only. It is published inactive: the version in force changes only with its "
                    + "activation.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<StandardsView> publish(Caller caller, @RequestBody StandardsDraft body) {
        Standards standards = catalogue.publish(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/standards/" + standards.version())).body(StandardsView.of(standards));
    }

    @Operation(operationId = "activateStandards", summary = "Put a version of the standards in force",
            description = "Admins only: from now on, new requests are checked against it.")
    @PostMapping("/{version}/activation")
    StandardsView activate(Caller caller, @PathVariable String version) {
        return StandardsView.of(catalogue.activate(caller, parse(version)));
    }

    private static int parse(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a version: the same answer as an unknown one
        }
        throw new NotFound("standards version", version);
    }

    record VersionSummary(int version, Instant publishedAt, String summary, boolean active) {

        static VersionSummary of(Standards s) {
            return new VersionSummary(s.version(), s.publishedAt(), s.summary(), s.active());
        }
    }

    record RulesView(int minStatementLength, int overbreadthSubjectThreshold, List<DataCategory> judicialAuthorisationRequiredFor,
            int maxInformationPeriodDays, int maxGagDays, int transparencyK, List<AnswerTimeView> answerTimes,
            List<LegitimateAim> legitimateAims) {

        static RulesView of(RequestRules r) {
            return new RulesView(r.minStatementLength(), r.overbreadthSubjectThreshold(),
                    r.judicialAuthorisationRequiredFor().stream().sorted().toList(), r.maxInformationPeriodDays(),
                    r.maxGagDays(), r.transparencyK(), r.answerTimes().stream().map(AnswerTimeView::of).toList(),
                    r.legitimateAims());
        }
    }

    record AnswerTimeView(RequestType type, long minutes, boolean advisory) {

        static AnswerTimeView of(AnswerTime t) {
            return new AnswerTimeView(t.type(), t.minutes(), t.advisory());
        }
    }

    record StandardsView(int version, Instant publishedAt, String summary, boolean active,
            List<ContentCategory> contentCategories, RulesView requestRules) {

        static StandardsView of(Standards s) {
            return new StandardsView(s.version(), s.publishedAt(), s.summary(), s.active(), s.contentCategories(),
                    RulesView.of(s.requestRules()));
        }
    }
}
