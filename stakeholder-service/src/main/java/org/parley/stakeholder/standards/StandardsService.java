package org.parley.stakeholder.standards;

import java.time.Clock;
import java.util.Map;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.standards.domain.Standards;
import org.parley.stakeholder.standards.domain.StandardsDraft;
import org.parley.stakeholder.standards.domain.StandardsStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standards catalogue: admins publish new versions, which take effect at once; the old ones
 * stay readable (requests record the version they were checked against), and an admin may put an
 * older version back in force. No version ever changes.
 */
@Service
public class StandardsService {

    public static final String ENTITY = "standards";

    private final StandardsStore store;
    private final AuditLog audit;
    private final Clock clock;

    public StandardsService(StandardsStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Standards active() {
        return store.active().orElseThrow(() -> new NotFound("active standards", "version"));
    }

    @Transactional(readOnly = true)
    public Standards get(int version) {
        return store.find(version).orElseThrow(() -> new NotFound("standards version", String.valueOf(version)));
    }

    @Transactional(readOnly = true)
    public Page<Standards> list(PageRequest page) {
        return Page.of(store.list(page), page, Standards::id);
    }

    @Transactional
    public Standards publish(Caller caller, StandardsDraft draft) {
        caller.require(Role.ADMIN);
        Standards previous = active();
        int version = store.lockAndNextVersion();
        Standards standards = draft.publish(version, Ids.next(), clock.instant());
        store.insert(standards);
        store.activate(version);
        audit.append(AuditEntry.of(caller, "STANDARDS_PUBLISHED", ENTITY, version, null, "ACTIVE")
                .withDetails(Map.of("replaces", previous.version())));
        return get(version);
    }

    /** Puts a published version back in force, e.g. to undo a mistaken publication. */
    @Transactional
    public Standards activate(Caller caller, int version) {
        caller.require(Role.ADMIN);
        store.lockAndNextVersion();
        Standards wanted = get(version);
        Standards previous = active();
        if (previous.version() != version) {
            store.activate(version);
            audit.append(AuditEntry.of(caller, "STANDARDS_ACTIVATED", ENTITY, version, "INACTIVE", "ACTIVE")
                    .withDetails(Map.of("replaces", previous.version())));
        }
        return get(wanted.version());
    }
}
