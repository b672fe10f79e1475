package org.parley.stakeholder.workinggroup.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.paging.PageRequest;

/** Where working groups and their members are kept. */
public interface WorkingGroupStore {

    /** Inserts the group and its members; false when another group has that name. */
    boolean insert(WorkingGroup group);

    Optional<WorkingGroup> find(UUID id);

    /** The group with its row locked until the transaction ends. */
    Optional<WorkingGroup> lock(UUID id);

    /** Rows in id order after the page's cursor, one more than the page size. */
    List<WorkingGroup> list(PageRequest page);

    void addMember(UUID groupId, GroupMember member);

    void removeMember(UUID groupId, UUID stakeholderId);
}
