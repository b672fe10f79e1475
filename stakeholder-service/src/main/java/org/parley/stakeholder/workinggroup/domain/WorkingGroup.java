package org.parley.stakeholder.workinggroup.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A small group of like-minded members, of any kind, with a mandate. */
public record WorkingGroup(UUID id, String name, String mandate, Instant createdAt, List<GroupMember> members) {

    public WorkingGroup {
        members = List.copyOf(members);
    }

    public boolean has(UUID stakeholderId) {
        return members.stream().anyMatch(m -> m.stakeholderId().equals(stakeholderId));
    }
}
