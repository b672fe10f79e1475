package org.parley.stakeholder.workinggroup.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.workinggroup.domain.GroupMember;
import org.parley.stakeholder.workinggroup.domain.WorkingGroup;
import org.parley.stakeholder.workinggroup.domain.WorkingGroupStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWorkingGroupStore implements WorkingGroupStore {

    private final JdbcClient jdbc;

    JdbcWorkingGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(WorkingGroup group) {
        int inserted = jdbc.sql("""
                insert into working_group (id, name, mandate, created_at) values (:id, :name, :mandate, :at)
                on conflict do nothing
                """)
                .param("id", group.id()).param("name", group.name()).param("mandate", group.mandate())
                .param("at", Timestamp.from(group.createdAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        group.members().forEach(member -> addMember(group.id(), member));
        return true;
    }

    @Override
    public Optional<WorkingGroup> find(UUID id) {
        return withMembers(jdbc.sql("select * from working_group where id = :id").param("id", id).query(Row.class).list())
                .stream().findFirst();
    }

    @Override
    public Optional<WorkingGroup> lock(UUID id) {
        return withMembers(jdbc.sql("select * from working_group where id = :id for update").param("id", id).query(Row.class).list())
                .stream().findFirst();
    }

    @Override
    public List<WorkingGroup> list(PageRequest page) {
        return withMembers(jdbc.sql("""
                select * from working_group where (cast(:after as uuid) is null or id > :after) order by id limit :limit
                """)
                .param("after", page.after().orElse(null))
                .param("limit", page.fetchSize())
                .query(Row.class)
                .list());
    }

    @Override
    public void addMember(UUID groupId, GroupMember member) {
        jdbc.sql("insert into working_group_member (working_group_id, stakeholder_id, joined_at) values (:group, :member, :at)")
                .param("group", groupId).param("member", member.stakeholderId()).param("at", Timestamp.from(member.joinedAt()))
                .update();
    }

    @Override
    public void removeMember(UUID groupId, UUID stakeholderId) {
        jdbc.sql("delete from working_group_member where working_group_id = :group and stakeholder_id = :member")
                .param("group", groupId).param("member", stakeholderId)
                .update();
    }

    private List<WorkingGroup> withMembers(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<GroupMember>> members = new HashMap<>();
        jdbc.sql("""
                select working_group_id, stakeholder_id, joined_at from working_group_member
                where working_group_id = any(:ids) order by joined_at, stakeholder_id
                """)
                .param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class),
                        new GroupMember(rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant())))
                .list()
                .forEach(e -> members.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream()
                .map(r -> new WorkingGroup(r.id(), r.name(), r.mandate(), r.createdAt(), members.getOrDefault(r.id(), List.of())))
                .toList();
    }

    record Row(UUID id, String name, String mandate, Instant createdAt) {}
}
