package org.parley.stakeholder.workinggroup.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.Ids;

/** A working group an admin is about to create, with its first members. */
public record WorkingGroupDraft(String name, String mandate, List<String> memberIds) {

    public static final int MAX_NAME = 200;
    public static final int MAX_MANDATE = 5000;
    public static final int MAX_MEMBERS = 200;

    public WorkingGroupDraft {
        memberIds = memberIds == null ? List.of() : new ArrayList<>(memberIds);
    }

    /** The checked name, mandate and member ids; a RuleViolation naming every broken field. */
    public WorkingGroup create(UUID id, Instant now) {
        FieldCheck check = FieldCheck.start();
        check.text("name", name, MAX_NAME);
        check.text("mandate", mandate, MAX_MANDATE);
        List<GroupMember> members = new ArrayList<>();
        if (check.size("memberIds", memberIds, 0, MAX_MEMBERS)) {
            for (int i = 0; i < memberIds.size(); i++) {
                int index = i;
                Ids.parse(memberIds.get(i)).ifPresentOrElse(
                        member -> members.add(new GroupMember(member, now)),
                        () -> check.add("memberIds[" + index + "]", "is not a stakeholder id"));
            }
            if (check.ok()) {
                check.distinct("memberIds", members.stream().map(GroupMember::stakeholderId).toList());
            }
        }
        check.orThrow();
        return new WorkingGroup(id, name.strip(), mandate.strip(), now, members);
    }
}
