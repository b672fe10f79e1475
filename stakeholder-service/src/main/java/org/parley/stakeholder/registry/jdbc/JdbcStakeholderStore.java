package org.parley.stakeholder.registry.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.parley.stakeholder.registry.domain.StakeholderKind;
import org.parley.stakeholder.registry.domain.StakeholderStatus;
import org.parley.stakeholder.registry.domain.StakeholderStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStakeholderStore implements StakeholderStore {

    private final JdbcClient jdbc;

    JdbcStakeholderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Stakeholder s) {
        jdbc.sql("""
                insert into stakeholder (id, kind, name, country, jurisdictions, status, created_at, updated_at)
                values (:id, :kind, :name, :country, :jurisdictions, :status, :at, :at)
                """)
                .param("id", s.id())
                .param("kind", s.kind().name())
                .param("name", s.name())
                .param("country", s.country())
                .param("jurisdictions", s.jurisdictions().toArray(String[]::new))
                .param("status", s.status().name())
                .param("at", Timestamp.from(s.createdAt()))
                .update();
    }

    @Override
    public Optional<Stakeholder> find(UUID id) {
        return jdbc.sql("select * from stakeholder where id = :id").param("id", id).query(JdbcStakeholderStore::map).optional();
    }

    @Override
    public List<Stakeholder> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from stakeholder where id = any(:ids) order by id")
                .param("ids", ids.toArray(UUID[]::new))
                .query(JdbcStakeholderStore::map)
                .list();
    }

    @Override
    public List<Stakeholder> list(StakeholderFilter filter, PageRequest page) {
        return jdbc.sql("""
                select * from stakeholder
                where (cast(:kind as text) is null or kind = :kind)
                  and (cast(:status as text) is null or status = :status)
                  and (cast(:after as uuid) is null or id > :after)
                order by id
                limit :limit
                """)
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("after", page.after().orElse(null))
                .param("limit", page.fetchSize())
                .query(JdbcStakeholderStore::map)
                .list();
    }

    static Stakeholder map(ResultSet rs, int row) throws SQLException {
        Array jurisdictions = rs.getArray("jurisdictions");
        return new Stakeholder(
                rs.getObject("id", UUID.class),
                StakeholderKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("country"),
                List.of((String[]) jurisdictions.getArray()),
                StakeholderStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }
}
