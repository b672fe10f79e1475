package org.parley.stakeholder.registry.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.registry.StakeholderRegistry;
import org.parley.stakeholder.registry.domain.Registration;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.parley.stakeholder.registry.domain.StakeholderKind;
import org.parley.stakeholder.registry.domain.StakeholderStatus;
import org.parley.stakeholder.registry.domain.StakeholderStore.StakeholderFilter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stakeholders")
class StakeholderController {

    private final StakeholderRegistry registry;

    StakeholderController(StakeholderRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    ResponseEntity<StakeholderView> register(Caller caller, @RequestBody RegisterStakeholder body) {
        Stakeholder stakeholder = registry.register(caller,
                new Registration(body.name(), body.kind(), body.country(), body.jurisdictions()));
        return ResponseEntity.created(URI.create("/api/v1/stakeholders/" + stakeholder.id()))
                .body(StakeholderView.of(stakeholder));
    }

    @GetMapping
    Page<StakeholderView> list(Caller caller,
            @RequestParam(required = false) StakeholderKind kind,
            @RequestParam(required = false) StakeholderStatus status,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return registry.list(caller, new StakeholderFilter(kind, status), PageRequest.of(pageSize, pageToken))
                .map(StakeholderView::of);
    }

    @GetMapping("/{id}")
    StakeholderView get(Caller caller, @PathVariable String id) {
        return StakeholderView.of(registry.get(caller,
                Ids.parse(id).orElseThrow(() -> new NotFound("stakeholder", id))));
    }

    record RegisterStakeholder(String name, StakeholderKind kind, String country, List<String> jurisdictions) {}

    record StakeholderView(String id, StakeholderKind kind, String name, String country, List<String> jurisdictions,
            StakeholderStatus status, Instant createdAt) {

        static StakeholderView of(Stakeholder s) {
            return new StakeholderView(s.id().toString(), s.kind(), s.name(), s.country(), s.jurisdictions(),
                    s.status(), s.createdAt());
        }
    }
}
