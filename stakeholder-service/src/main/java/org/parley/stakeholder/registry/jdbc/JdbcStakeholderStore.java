package org.parley.stakeholder.registry.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.registry.domain.ContactPoint;
import org.parley.stakeholder.registry.domain.Sphere;
import org.parley.stakeholder.registry.domain.SphereArea;
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
    public Optional<Stakeholder> lock(UUID id) {
        return jdbc.sql("select * from stakeholder where id = :id for update").param("id", id)
                .query(JdbcStakeholderStore::map).optional();
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

    @Override
    public void update(Stakeholder s) {
        jdbc.sql("""
                update stakeholder set name = :name, status = :status, jurisdictions = :jurisdictions,
                    updated_at = :at, version = version + 1
                where id = :id
                """)
                .param("id", s.id())
                .param("name", s.name())
                .param("status", s.status().name())
                .param("jurisdictions", s.jurisdictions().toArray(String[]::new))
                .param("at", Timestamp.from(s.updatedAt()))
                .update();
    }

    @Override
    public void insertSphere(Sphere sphere) {
        jdbc.sql("""
                insert into sphere_of_control (id, stakeholder_id, area, scope, created_at)
                values (:id, :stakeholder, :area, :scope, :at)
                """)
                .param("id", sphere.id())
                .param("stakeholder", sphere.stakeholderId())
                .param("area", sphere.area().name())
                .param("scope", sphere.scope())
                .param("at", Timestamp.from(sphere.createdAt()))
                .update();
    }

    @Override
    public boolean deleteSphere(UUID stakeholderId, UUID sphereId) {
        return jdbc.sql("delete from sphere_of_control where id = :id and stakeholder_id = :stakeholder")
                .param("id", sphereId).param("stakeholder", stakeholderId).update() == 1;
    }

    @Override
    public List<Sphere> spheres(Collection<UUID> stakeholderIds) {
        if (stakeholderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from sphere_of_control where stakeholder_id = any(:ids) order by id")
                .param("ids", stakeholderIds.toArray(UUID[]::new))
                .query((rs, row) -> new Sphere(
                        rs.getObject("id", UUID.class),
                        rs.getObject("stakeholder_id", UUID.class),
                        SphereArea.valueOf(rs.getString("area")),
                        rs.getString("scope"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public boolean saveContactPoint(UUID stakeholderId, ContactPoint cp) {
        return jdbc.sql("""
                insert into contact_point (stakeholder_id, email, phone, languages, hours, escalation_contact, updated_at)
                values (:id, :email, :phone, :languages, :hours, :escalation, :at)
                on conflict (stakeholder_id) do update set email = excluded.email, phone = excluded.phone,
                    languages = excluded.languages, hours = excluded.hours,
                    escalation_contact = excluded.escalation_contact, updated_at = excluded.updated_at
                returning (xmax = 0) as inserted
                """)
                .param("id", stakeholderId)
                .param("email", cp.email())
                .param("phone", cp.phone())
                .param("languages", cp.languages().toArray(String[]::new))
                .param("hours", cp.hours())
                .param("escalation", cp.escalationContact())
                .param("at", Timestamp.from(cp.updatedAt()))
                .query(Boolean.class)
                .single();
    }

    @Override
    public Map<UUID, ContactPoint> contactPoints(Collection<UUID> stakeholderIds) {
        Map<UUID, ContactPoint> found = new LinkedHashMap<>();
        if (stakeholderIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select * from contact_point where stakeholder_id = any(:ids)")
                .param("ids", stakeholderIds.toArray(UUID[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    found.put(rs.getObject("stakeholder_id", UUID.class), new ContactPoint(
                            rs.getString("email"),
                            rs.getString("phone"),
                            strings(rs.getArray("languages")),
                            rs.getString("hours"),
                            rs.getString("escalation_contact"),
                            rs.getTimestamp("updated_at").toInstant()));
                });
        return found;
    }

    static Stakeholder map(ResultSet rs, int row) throws SQLException {
        return new Stakeholder(
                rs.getObject("id", UUID.class),
                StakeholderKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("country"),
                strings(rs.getArray("jurisdictions")),
                StakeholderStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
