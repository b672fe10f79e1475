package org.parley.stakeholder.registry;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.registry.domain.ContactPoint;
import org.parley.stakeholder.registry.domain.Registration;
import org.parley.stakeholder.registry.domain.Sphere;
import org.parley.stakeholder.registry.domain.SphereArea;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.parley.stakeholder.registry.domain.StakeholderChange;
import org.parley.stakeholder.registry.domain.StakeholderKind;
import org.parley.stakeholder.registry.domain.StakeholderProfile;
import org.parley.stakeholder.registry.domain.StakeholderStatus;
import org.parley.stakeholder.registry.domain.StakeholderStore;
import org.parley.stakeholder.registry.domain.StakeholderStore.StakeholderFilter;
import org.parley.stakeholder.registry.domain.StakeholderAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering, changing and reading stakeholders, with the rules on who may do which. */
@Service
public class RegistryService {

    public static final String ENTITY = "stakeholder";

    private final StakeholderStore store;
    private final AuditLog audit;
    private final Clock clock;

    public RegistryService(StakeholderStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Stakeholder register(Caller caller, Registration registration) {
        caller.require(Role.ADMIN);
        Stakeholder stakeholder = registration.register(Ids.next(), clock.instant());
        store.insert(stakeholder);
        audit.append(AuditEntry.of(caller, "STAKEHOLDER_REGISTERED", ENTITY, stakeholder.id(), null, stakeholder.status())
                .withDetails(Map.of("kind", stakeholder.kind().name())));
        return stakeholder;
    }

    /** Anyone reads active stakeholders; admins and its own members also see a suspended one. */
    @Transactional(readOnly = true)
    public Stakeholder get(Caller caller, UUID id) {
        return store.find(id)
                .filter(s -> StakeholderAccess.canSee(caller, s))
                .orElseThrow(() -> notFound(id));
    }

    /** One stakeholder with its spheres and contact point, as the caller may see them. */
    @Transactional(readOnly = true)
    public StakeholderProfile profile(Caller caller, UUID id) {
        return visibleParts(caller, profiles(List.of(get(caller, id))).getFirst());
    }

    /**
     * The lookups of other services: the {@code service} role reads every stakeholder whatever its
     * status (so that it can refuse suspended ones), with its whole contact point; any other caller
     * (a person's token forwarded) reads what {@link #profile} shows them.
     */
    @Transactional(readOnly = true)
    public StakeholderProfile lookup(Caller caller, UUID id) {
        if (!caller.has(Role.SERVICE)) {
            return profile(caller, id);
        }
        return profiles(List.of(store.find(id).orElseThrow(() -> notFound(id)))).getFirst();
    }

    /** As {@link #lookup(Caller, UUID)} for many: the ones the caller may not see are left out. */
    @Transactional(readOnly = true)
    public List<StakeholderProfile> lookup(Caller caller, Collection<UUID> ids) {
        List<Stakeholder> found = store.findAll(ids);
        if (caller.has(Role.SERVICE)) {
            return profiles(found);
        }
        return profiles(found.stream().filter(s -> StakeholderAccess.canSee(caller, s)).toList()).stream()
                .map(profile -> visibleParts(caller, profile))
                .toList();
    }

    private static StakeholderProfile visibleParts(Caller caller, StakeholderProfile profile) {
        return StakeholderAccess.seesEscalationContact(caller, profile.stakeholder().id())
                ? profile
                : profile.withContactPoint(profile.contactPoint().map(ContactPoint::withoutEscalation));
    }

    /** For other features of this service: the stakeholder whatever the caller may see. */
    @Transactional(readOnly = true)
    public Optional<Stakeholder> find(UUID id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    public List<Stakeholder> findAll(Collection<UUID> ids) {
        return store.findAll(ids);
    }

    @Transactional(readOnly = true)
    public Page<Stakeholder> list(Caller caller, StakeholderFilter filter, PageRequest page) {
        StakeholderFilter visible = caller.isAdmin() ? filter : new StakeholderFilter(filter.kind(), StakeholderStatus.ACTIVE);
        if (!caller.isAdmin() && filter.status() == StakeholderStatus.SUSPENDED) {
            return new Page<>(List.of(), null);
        }
        return Page.of(store.list(visible, page), page, Stakeholder::id);
    }

    /**
     * An admin changes name, status or jurisdictions. {@code expectedVersion}, from the client's
     * {@code If-Match}, refuses a change made on a stale copy with 409. Suspension takes effect at
     * once: the other services read the status on every check.
     */
    @Transactional
    public StakeholderProfile change(Caller caller, UUID id, StakeholderChange change, OptionalInt expectedVersion) {
        Stakeholder current = store.lock(id).filter(s -> StakeholderAccess.canSee(caller, s)).orElseThrow(() -> notFound(id));
        caller.require(Role.ADMIN);
        if (expectedVersion.isPresent() && expectedVersion.getAsInt() != current.version()) {
            throw new Conflict("VERSION_CONFLICT", "The stakeholder changed since version " + expectedVersion.getAsInt()
                    + "; it is at version " + current.version());
        }
        Stakeholder changed = change.applyTo(current, clock.instant());
        if (changed.name().equals(current.name()) && changed.status() == current.status()
                && changed.jurisdictions().equals(current.jurisdictions())) {
            return profile(caller, id);
        }
        store.update(changed);
        if (changed.status() != current.status()) {
            audit.append(AuditEntry.of(caller, changed.status() == StakeholderStatus.SUSPENDED
                    ? "STAKEHOLDER_SUSPENDED" : "STAKEHOLDER_REINSTATED", ENTITY, id, current.status(), changed.status()));
        }
        if (!changed.name().equals(current.name()) || !changed.jurisdictions().equals(current.jurisdictions())) {
            audit.append(AuditEntry.of(caller, "STAKEHOLDER_CHANGED", ENTITY, id,
                    describe(current), describe(changed)));
        }
        return profile(caller, id);
    }

    @Transactional
    public Sphere addSphere(Caller caller, UUID stakeholderId, SphereArea area, String scope) {
        Stakeholder stakeholder = lockVisible(caller, stakeholderId);
        StakeholderAccess.requireManager(caller, stakeholder);
        Sphere sphere = Sphere.of(Ids.next(), stakeholderId, area, scope, clock.instant());
        List<Sphere> existing = store.spheres(List.of(stakeholderId));
        if (existing.size() >= Sphere.MAX_PER_STAKEHOLDER) {
            throw RuleViolation.ofField("area", "a stakeholder lists at most " + Sphere.MAX_PER_STAKEHOLDER + " spheres");
        }
        if (existing.stream().anyMatch(s -> s.area() == sphere.area() && s.scope().equalsIgnoreCase(sphere.scope()))) {
            throw new Conflict("DUPLICATE_SPHERE", "This sphere of control is already listed");
        }
        store.insertSphere(sphere);
        audit.append(AuditEntry.of(caller, "SPHERE_ADDED", ENTITY, stakeholderId, null, sphere.area())
                .withDetails(Map.of("sphereId", sphere.id())));
        return sphere;
    }

    @Transactional
    public void removeSphere(Caller caller, UUID stakeholderId, UUID sphereId) {
        Stakeholder stakeholder = lockVisible(caller, stakeholderId);
        Sphere sphere = store.spheres(List.of(stakeholderId)).stream().filter(s -> s.id().equals(sphereId)).findFirst()
                .orElseThrow(() -> new NotFound("sphere", sphereId.toString()));
        StakeholderAccess.requireManager(caller, stakeholder);
        store.deleteSphere(stakeholderId, sphereId);
        audit.append(AuditEntry.of(caller, "SPHERE_REMOVED", ENTITY, stakeholderId, sphere.area(), null)
                .withDetails(Map.of("sphereId", sphereId)));
    }

    @Transactional(readOnly = true)
    public List<Sphere> spheres(Caller caller, UUID stakeholderId) {
        get(caller, stakeholderId);
        return store.spheres(List.of(stakeholderId));
    }

    /** Sets a company's contact point; true when it is its first one. */
    @Transactional
    public boolean setContactPoint(Caller caller, UUID stakeholderId, ContactPoint.Draft draft) {
        Stakeholder stakeholder = lockVisible(caller, stakeholderId);
        if (!caller.isAdmin() && !(caller.has(Role.COMPANY_RESPONDER) && StakeholderAccess.isMember(caller, stakeholderId))) {
            throw new org.parley.common.kernel.Forbidden("Only admins and " + stakeholder.name() + "'s responders may set its contact point");
        }
        StakeholderAccess.requireManager(caller, stakeholder);
        if (stakeholder.kind() != StakeholderKind.COMPANY) {
            throw new RuleViolation("CONTACT_POINT_FOR_COMPANIES", "Only companies take orders at a contact point",
                    List.of(new RuleViolation.FieldError("kind", "is " + stakeholder.kind() + ", not COMPANY")), List.of());
        }
        ContactPoint contactPoint = draft.check(clock.instant());
        Optional<ContactPoint> before = Optional.ofNullable(store.contactPoints(List.of(stakeholderId)).get(stakeholderId));
        boolean created = store.saveContactPoint(stakeholderId, contactPoint);
        audit.append(AuditEntry.of(caller, created ? "CONTACT_POINT_SET" : "CONTACT_POINT_CHANGED", ENTITY, stakeholderId,
                before.map(ContactPoint::languages).orElse(null), contactPoint.languages()));
        return created;
    }

    private Stakeholder lockVisible(Caller caller, UUID id) {
        return store.lock(id).filter(s -> StakeholderAccess.canSee(caller, s)).orElseThrow(() -> notFound(id));
    }

    private List<StakeholderProfile> profiles(List<Stakeholder> stakeholders) {
        List<UUID> ids = stakeholders.stream().map(Stakeholder::id).toList();
        Map<UUID, List<Sphere>> spheres = store.spheres(ids).stream().collect(Collectors.groupingBy(Sphere::stakeholderId));
        Map<UUID, ContactPoint> contactPoints = store.contactPoints(ids);
        return stakeholders.stream()
                .map(s -> new StakeholderProfile(s, spheres.getOrDefault(s.id(), List.of()),
                        Optional.ofNullable(contactPoints.get(s.id()))))
                .toList();
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("stakeholder", id.toString());
    }

    private static String describe(Stakeholder s) {
        return s.name() + " " + s.jurisdictions();
    }
}
