package org.parley.stakeholder.workinggroup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
import org.parley.stakeholder.registry.RegistryService;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.parley.stakeholder.registry.domain.StakeholderAccess;
import org.parley.stakeholder.workinggroup.domain.GroupMember;
import org.parley.stakeholder.workinggroup.domain.WorkingGroup;
import org.parley.stakeholder.workinggroup.domain.WorkingGroupDraft;
import org.parley.stakeholder.workinggroup.domain.WorkingGroupStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Working groups: admins create them and manage their members; anyone reads them. */
@Service
public class WorkingGroupService {

    public static final String ENTITY = "working-group";

    private final WorkingGroupStore store;
    private final RegistryService registry;
    private final AuditLog audit;
    private final Clock clock;

    public WorkingGroupService(WorkingGroupStore store, RegistryService registry, AuditLog audit, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public View create(Caller caller, WorkingGroupDraft draft) {
        caller.require(Role.ADMIN);
        WorkingGroup group = draft.create(Ids.next(), clock.instant());
        List<UUID> memberIds = group.members().stream().map(GroupMember::stakeholderId).toList();
        Map<UUID, Stakeholder> found = byId(registry.findAll(memberIds));
        List<RuleViolation.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) {
            Stakeholder member = found.get(memberIds.get(i));
            if (member == null || !member.isActive()) {
                errors.add(new RuleViolation.FieldError("memberIds[" + i + "]", "is not an active stakeholder"));
            }
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.ofFields(errors);
        }
        if (!store.insert(group)) {
            throw new Conflict("DUPLICATE_WORKING_GROUP", "A working group named " + group.name() + " already exists");
        }
        audit.append(AuditEntry.of(caller, "WORKING_GROUP_CREATED", ENTITY, group.id(), null, "CREATED")
                .withDetails(Map.of("members", memberIds.size())));
        return view(caller, group);
    }

    @Transactional
    public View addMember(Caller caller, UUID groupId, String stakeholderId) {
        WorkingGroup group = store.lock(groupId).orElseThrow(() -> notFound(groupId));
        caller.require(Role.ADMIN);
        Stakeholder member = Ids.parse(stakeholderId).flatMap(registry::find).filter(Stakeholder::isActive)
                .orElseThrow(() -> RuleViolation.ofField("stakeholderId", "is not an active stakeholder"));
        if (group.has(member.id())) {
            throw new Conflict("ALREADY_A_MEMBER", member.name() + " is already a member of " + group.name());
        }
        store.addMember(groupId, new GroupMember(member.id(), clock.instant()));
        audit.append(AuditEntry.of(caller, "WORKING_GROUP_MEMBER_ADDED", ENTITY, groupId, null, member.id()));
        return view(caller, store.find(groupId).orElseThrow());
    }

    @Transactional
    public void removeMember(Caller caller, UUID groupId, UUID stakeholderId) {
        WorkingGroup group = store.lock(groupId).orElseThrow(() -> notFound(groupId));
        caller.require(Role.ADMIN);
        if (!group.has(stakeholderId)) {
            throw new NotFound("member of working group", stakeholderId.toString());
        }
        store.removeMember(groupId, stakeholderId);
        audit.append(AuditEntry.of(caller, "WORKING_GROUP_MEMBER_REMOVED", ENTITY, groupId, stakeholderId, null));
    }

    @Transactional(readOnly = true)
    public View get(Caller caller, UUID id) {
        return view(caller, store.find(id).orElseThrow(() -> notFound(id)));
    }

    @Transactional(readOnly = true)
    public Page<View> list(Caller caller, PageRequest page) {
        Page<WorkingGroup> groups = Page.of(store.list(page), page, WorkingGroup::id);
        Map<UUID, Stakeholder> stakeholders = byId(registry.findAll(groups.items().stream()
                .flatMap(g -> g.members().stream()).map(GroupMember::stakeholderId).collect(Collectors.toSet())));
        return groups.map(g -> view(caller, g, stakeholders));
    }

    private View view(Caller caller, WorkingGroup group) {
        return view(caller, group, byId(registry.findAll(group.members().stream().map(GroupMember::stakeholderId).toList())));
    }

    /** Suspended members are shown only to those who may see suspended stakeholders. */
    private static View view(Caller caller, WorkingGroup group, Map<UUID, Stakeholder> stakeholders) {
        List<Member> members = group.members().stream()
                .filter(m -> stakeholders.containsKey(m.stakeholderId()))
                .filter(m -> StakeholderAccess.canSee(caller, stakeholders.get(m.stakeholderId())))
                .map(m -> new Member(stakeholders.get(m.stakeholderId()), m))
                .toList();
        return new View(group, members);
    }

    private static Map<UUID, Stakeholder> byId(List<Stakeholder> stakeholders) {
        return stakeholders.stream().collect(Collectors.toMap(Stakeholder::id, Function.identity()));
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("working group", id.toString());
    }

    /** A group with the members the caller may see. */
    public record View(WorkingGroup group, List<Member> members) {}

    public record Member(Stakeholder stakeholder, GroupMember membership) {}
}
