package org.parley.stakeholder.registry;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.registry.domain.Registration;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.parley.stakeholder.registry.domain.StakeholderStatus;
import org.parley.stakeholder.registry.domain.StakeholderStore;
import org.parley.stakeholder.registry.domain.StakeholderStore.StakeholderFilter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering and reading stakeholders, with the rules on who may do which. */
@Service
public class StakeholderRegistry {

    static final String ENTITY = "stakeholder";

    private final StakeholderStore store;
    private final AuditLog audit;
    private final Clock clock;

    public StakeholderRegistry(StakeholderStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Stakeholder register(Caller caller, Registration registration) {
        caller.require(Role.ADMIN);
        Stakeholder stakeholder = registration.register(Ids.next(), clock.instant());
        store.insert(stakeholder);
        audit.append(AuditEntry.of(caller, "STAKEHOLDER_REGISTERED", ENTITY, stakeholder.id(), null, stakeholder.status()));
        return stakeholder;
    }

    /** Anyone reads active stakeholders; only admins see suspended ones. */
    @Transactional(readOnly = true)
    public Stakeholder get(Caller caller, UUID id) {
        return store.find(id)
                .filter(s -> s.isActive() || caller.isAdmin())
                .orElseThrow(() -> new NotFound("stakeholder", id.toString()));
    }

    /** For other services: every stakeholder whatever its status, so that they can refuse suspended ones. */
    @Transactional(readOnly = true)
    public Stakeholder getForService(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFound("stakeholder", id.toString()));
    }

    @Transactional(readOnly = true)
    public List<Stakeholder> getAllForService(Collection<UUID> ids) {
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
}
