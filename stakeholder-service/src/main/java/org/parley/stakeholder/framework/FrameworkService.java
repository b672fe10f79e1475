package org.parley.stakeholder.framework;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.framework.domain.Framework;
import org.parley.stakeholder.framework.domain.FrameworkDraft;
import org.parley.stakeholder.framework.domain.FrameworkStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Frameworks of principles: admins publish them, anyone reads them. */
@Service
public class FrameworkService {

    public static final String ENTITY = "framework";

    private final FrameworkStore store;
    private final AuditLog audit;
    private final Clock clock;

    public FrameworkService(FrameworkStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Framework publish(Caller caller, FrameworkDraft draft) {
        caller.require(Role.ADMIN);
        Framework framework = draft.publish(Ids.next(), clock.instant());
        if (!store.insert(framework)) {
            throw new Conflict("DUPLICATE_FRAMEWORK", "A framework named " + framework.name() + " is already published");
        }
        audit.append(AuditEntry.of(caller, "FRAMEWORK_PUBLISHED", ENTITY, framework.id(), null, "PUBLISHED")
                .withDetails(Map.of("clauses", framework.clauses().size())));
        return framework;
    }

    @Transactional(readOnly = true)
    public Framework get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFound("framework", id.toString()));
    }

    @Transactional(readOnly = true)
    public List<Framework> getAll(Collection<UUID> ids) {
        return store.findAll(ids);
    }

    @Transactional(readOnly = true)
    public Page<Framework> list(PageRequest page) {
        return Page.of(store.list(page), page, Framework::id);
    }
}
