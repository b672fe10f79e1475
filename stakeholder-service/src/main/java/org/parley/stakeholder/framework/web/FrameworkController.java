package org.parley.stakeholder.framework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.parley.common.kernel.Caller;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.framework.FrameworkService;
import org.parley.stakeholder.framework.domain.Clause;
import org.parley.stakeholder.framework.domain.Framework;
import org.parley.stakeholder.framework.domain.FrameworkDraft;
import org.parley.stakeholder.shared.web.PathIds;
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

@Tag(name = "Frameworks")
@RestController
@RequestMapping("/api/v1/frameworks")
class FrameworkController {

    private final FrameworkService catalogue;

    FrameworkController(FrameworkService catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(operationId = "publishFramework", summary = "Publish a framework",
            description = "Admins only: a framework of shared principles with its numbered clauses, which "
                    + "stakeholders then pledge.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<FrameworkView> publish(Caller caller, @RequestBody PublishFramework body) {
        List<Clause> clauses = body.clauses() == null ? null
                : body.clauses().stream().map(c -> c == null ? null : new Clause(c.number(), c.text())).toList();
        Framework framework = catalogue.publish(caller, new FrameworkDraft(body.name(), body.sourceUrl(), body.description(), clauses));
        return ResponseEntity.created(URI.create("/api/v1/frameworks/" + framework.id())).body(FrameworkView.of(framework));
    }

    @Operation(operationId = "listFrameworks", summary = "List frameworks",
            description = "Anyone.")
    @GetMapping
    Page<FrameworkView> list(@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
        return catalogue.list(PageRequest.of(pageSize, pageToken)).map(FrameworkView::of);
    }

    @Operation(operationId = "getFramework", summary = "Read a framework",
            description = "Anyone: the framework with its clauses.")
    @GetMapping("/{id}")
    FrameworkView get(@PathVariable String id) {
        return FrameworkView.of(catalogue.get(PathIds.parse("framework", id)));
    }

    record ClauseBody(String number, String text) {}

    record PublishFramework(String name, String sourceUrl, String description, List<ClauseBody> clauses) {}

    record ClauseView(String number, String text) {}

    record FrameworkView(String id, String name, String sourceUrl, String description, Instant publishedAt,
            List<ClauseView> clauses) {

        static FrameworkView of(Framework f) {
            return new FrameworkView(f.id().toString(), f.name(), f.sourceUrl(), f.description(), f.publishedAt(),
                    f.clauses().stream().map(c -> new ClauseView(c.number(), c.text())).toList());
        }
    }
}
