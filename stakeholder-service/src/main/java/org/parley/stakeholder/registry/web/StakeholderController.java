package org.parley.stakeholder.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.NotFound;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.registry.RegistryService;
import org.parley.stakeholder.registry.domain.ContactPoint;
import org.parley.stakeholder.registry.domain.Registration;
import org.parley.stakeholder.registry.domain.Sphere;
import org.parley.stakeholder.registry.domain.SphereArea;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.parley.stakeholder.registry.domain.StakeholderChange;
import org.parley.stakeholder.registry.domain.StakeholderKind;
import org.parley.stakeholder.registry.domain.StakeholderProfile;
import org.parley.stakeholder.registry.domain.StakeholderStatus;
import org.parley.stakeholder.registry.domain.StakeholderStore.StakeholderFilter;
import org.parley.stakeholder.shared.web.PathIds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stakeholders, their spheres of control and their contact points. */
@Tag(name = "Stakeholders")
@RestController
@RequestMapping("/api/v1/stakeholders")
class StakeholderController {

    private final RegistryService registry;

    StakeholderController(RegistryService registry) {
        this.registry = registry;
    }

    @Operation(operationId = "registerStakeholder", summary = "Register a stakeholder",
            description = "Admins only. A government, company, civil-society organisation or researcher joins the "
                    + "partnership; it starts ACTIVE. The answer carries an ETag for later changes.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<StakeholderDetail> register(Caller caller, @RequestBody RegisterStakeholder body) {
        Stakeholder stakeholder = registry.register(caller,
                new Registration(body.name(), body.kind(), body.country(), body.jurisdictions()));
        StakeholderProfile profile = registry.profile(caller, stakeholder.id());
        return ResponseEntity.created(URI.create("/api/v1/stakeholders/" + stakeholder.id()))
                .eTag(PathIds.etag(stakeholder.version()))
                .body(StakeholderDetail.of(profile));
    }

    @Operation(operationId = "listStakeholders", summary = "List stakeholders",
            description = "Anyone: the active stakeholders; admins see every status. Filter by `kind` and `status`; "
                    + "paged with `pageSize` and `pageToken`.")
    @GetMapping
    Page<StakeholderView> list(Caller caller,
            @RequestParam(required = false) StakeholderKind kind,
            @RequestParam(required = false) StakeholderStatus status,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return registry.list(caller, new StakeholderFilter(kind, status), PageRequest.of(pageSize, pageToken))
                .map(StakeholderView::of);
    }

    @Operation(operationId = "getStakeholder", summary = "Read a stakeholder",
            description = "Anyone: the stakeholder with its spheres of control and, for a company, its contact "
                    + "point. The ETag is its version, for `If-Match` on a change.")
    @GetMapping("/{id}")
    ResponseEntity<StakeholderDetail> get(Caller caller, @PathVariable String id) {
        StakeholderProfile profile = registry.profile(caller, PathIds.parse("stakeholder", id));
        return ResponseEntity.ok().eTag(PathIds.etag(profile.stakeholder().version())).body(StakeholderDetail.of(profile));
    }

    @Operation(operationId = "changeStakeholder", summary = "Change a stakeholder",
            description = "Admins only: its name, status (suspension bites at once) or jurisdictions. With "
                    + "`If-Match` (the ETag read), a change made on a stale copy is refused with 409.")
    @PatchMapping("/{id}")
    ResponseEntity<StakeholderDetail> change(Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ChangeStakeholder body) {
        StakeholderProfile profile = registry.change(caller, PathIds.parse("stakeholder", id),
                new StakeholderChange(body.name(), body.status(), body.jurisdictions()), PathIds.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(PathIds.etag(profile.stakeholder().version())).body(StakeholderDetail.of(profile));
    }

    @Operation(operationId = "listSpheres", summary = "List the spheres of control",
            description = "Anyone: where the stakeholder has control, and over what.")
    @GetMapping("/{id}/spheres")
    Page<SphereView> spheres(Caller caller, @PathVariable String id) {
        return new Page<>(registry.spheres(caller, PathIds.parse("stakeholder", id)).stream().map(SphereView::of).toList(), null);
    }

    @Operation(operationId = "addSphere", summary = "Add a sphere of control",
            description = "Admins and the stakeholder's own members.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/spheres")
    ResponseEntity<SphereView> addSphere(Caller caller, @PathVariable String id, @RequestBody AddSphere body) {
        Sphere sphere = registry.addSphere(caller, PathIds.parse("stakeholder", id), body.area(), body.scope());
        return ResponseEntity.created(URI.create("/api/v1/stakeholders/" + sphere.stakeholderId() + "/spheres/" + sphere.id()))
                .body(SphereView.of(sphere));
    }

    @Operation(operationId = "getSphere", summary = "Read a sphere of control",
            description = "Anyone.")
    @GetMapping("/{id}/spheres/{sphereId}")
    SphereView sphere(Caller caller, @PathVariable String id, @PathVariable String sphereId) {
        UUID sphere = PathIds.parse("sphere", sphereId);
        return registry.spheres(caller, PathIds.parse("stakeholder", id)).stream()
                .filter(s -> s.id().equals(sphere)).findFirst().map(SphereView::of)
                .orElseThrow(() -> new NotFound("sphere", sphereId));
    }

    @Operation(operationId = "removeSphere", summary = "Remove a sphere of control",
            description = "Admins and the stakeholder's own members.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}/spheres/{sphereId}")
    ResponseEntity<Void> removeSphere(Caller caller, @PathVariable String id, @PathVariable String sphereId) {
        registry.removeSphere(caller, PathIds.parse("stakeholder", id), PathIds.parse("sphere", sphereId));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "getContactPoint", summary = "Read a company's contact point",
            description = "Anyone: where a company takes government requests, in which languages and when.")
    @GetMapping("/{id}/contact-point")
    ContactPointView contactPoint(Caller caller, @PathVariable String id) {
        return registry.profile(caller, PathIds.parse("stakeholder", id)).contactPoint().map(ContactPointView::of)
                .orElseThrow(() -> new NotFound("contact point of stakeholder", id));
    }

    @Operation(operationId = "setContactPoint", summary = "Set a company's contact point",
            description = "Admins and the company's own responders. 201 when the company had none, 200 when it "
                    + "replaces the one it had.")
    @ApiResponse(responseCode = "200", description = "the contact point, replaced")
    @ApiResponse(responseCode = "201", description = "the contact point, the company's first")
    @PutMapping("/{id}/contact-point")
    ResponseEntity<ContactPointView> setContactPoint(Caller caller, @PathVariable String id, @RequestBody SetContactPoint body) {
        UUID stakeholderId = PathIds.parse("stakeholder", id);
        boolean created = registry.setContactPoint(caller, stakeholderId, new ContactPoint.Draft(body.email(),
                body.phone(), body.languages(), body.hours(), body.escalationContact()));
        ContactPointView view = ContactPointView.of(registry.profile(caller, stakeholderId).contactPoint().orElseThrow());
        return created
                ? ResponseEntity.created(URI.create("/api/v1/stakeholders/" + stakeholderId + "/contact-point")).body(view)
                : ResponseEntity.ok(view);
    }

    record RegisterStakeholder(String name, StakeholderKind kind, String country, List<String> jurisdictions) {}

    record ChangeStakeholder(String name, StakeholderStatus status, List<String> jurisdictions) {}

    record AddSphere(SphereArea area, String scope) {}

    record SetContactPoint(String email, String phone, List<String> languages, String hours, String escalationContact) {}

    record StakeholderView(String id, StakeholderKind kind, String name, String country, List<String> jurisdictions,
            StakeholderStatus status, Instant createdAt, Instant updatedAt) {

        static StakeholderView of(Stakeholder s) {
            return new StakeholderView(s.id().toString(), s.kind(), s.name(), s.country(), s.jurisdictions(),
                    s.status(), s.createdAt(), s.updatedAt());
        }
    }

    record StakeholderDetail(String id, StakeholderKind kind, String name, String country, List<String> jurisdictions,
            StakeholderStatus status, Instant createdAt, Instant updatedAt, int version, List<SphereView> spheres,
            ContactPointView contactPoint) {

        static StakeholderDetail of(StakeholderProfile p) {
            Stakeholder s = p.stakeholder();
            return new StakeholderDetail(s.id().toString(), s.kind(), s.name(), s.country(), s.jurisdictions(),
                    s.status(), s.createdAt(), s.updatedAt(), s.version(),
                    p.spheres().stream().map(SphereView::of).toList(),
                    p.contactPoint().map(ContactPointView::of).orElse(null));
        }
    }

    record SphereView(String id, SphereArea area, String scope, Instant createdAt) {

        static SphereView of(Sphere s) {
            return new SphereView(s.id().toString(), s.area(), s.scope(), s.createdAt());
        }
    }

    record ContactPointView(String email, String phone, List<String> languages, String hours, String escalationContact,
            Instant updatedAt) {

        static ContactPointView of(ContactPoint c) {
            return new ContactPointView(c.email(), c.phone(), c.languages(), c.hours(), c.escalationContact(), c.updatedAt());
        }
    }
}
