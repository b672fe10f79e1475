package org.parley.stakeholder.framework.jdbc;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.framework.domain.Clause;
import org.parley.stakeholder.framework.domain.Framework;
import org.parley.stakeholder.framework.domain.FrameworkStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFrameworkStore implements FrameworkStore {

    private final JdbcClient jdbc;

    JdbcFrameworkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Framework f) {
        int inserted = jdbc.sql("""
                insert into framework (id, name, source_url, description, published_at)
                values (:id, :name, :url, :description, :at)
                on conflict do nothing
                """)
                .param("id", f.id())
                .param("name", f.name())
                .param("url", f.sourceUrl())
                .param("description", f.description())
                .param("at", Timestamp.from(f.publishedAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (int i = 0; i < f.clauses().size(); i++) {
            Clause clause = f.clauses().get(i);
            jdbc.sql("insert into framework_clause (framework_id, position, number, text) values (:id, :position, :number, :text)")
                    .param("id", f.id()).param("position", i + 1).param("number", clause.number()).param("text", clause.text())
                    .update();
        }
        return true;
    }

    @Override
    public Optional<Framework> find(UUID id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    @Override
    public List<Framework> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withClauses(jdbc.sql("select * from framework where id = any(:ids) order by id")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, row) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("source_url"),
                        rs.getString("description"), rs.getTimestamp("published_at").toInstant()))
                .list());
    }

    @Override
    public List<Framework> list(PageRequest page) {
        return withClauses(jdbc.sql("""
                select * from framework where (cast(:after as uuid) is null or id > :after) order by id limit :limit
                """)
                .param("after", page.after().orElse(null))
                .param("limit", page.fetchSize())
                .query((rs, row) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("source_url"),
                        rs.getString("description"), rs.getTimestamp("published_at").toInstant()))
                .list());
    }

    private List<Framework> withClauses(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Clause>> clauses = new LinkedHashMap<>();
        jdbc.sql("select framework_id, number, text from framework_clause where framework_id = any(:ids) order by framework_id, position")
                .param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(rs.getObject("framework_id", UUID.class), new Clause(rs.getString("number"), rs.getString("text"))))
                .list()
                .forEach(e -> clauses.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream()
                .map(r -> new Framework(r.id(), r.name(), r.sourceUrl(), r.description(), r.publishedAt(),
                        clauses.getOrDefault(r.id(), List.of())))
                .collect(Collectors.toList());
    }

    private record Row(UUID id, String name, String sourceUrl, String description, java.time.Instant publishedAt) {}
}
