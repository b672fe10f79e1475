package org.parley.stakeholder.standards.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.standards.domain.AnswerTime;
import org.parley.stakeholder.standards.domain.ContentCategory;
import org.parley.stakeholder.standards.domain.DataCategory;
import org.parley.stakeholder.standards.domain.LegitimateAim;
import org.parley.stakeholder.standards.domain.RequestRules;
import org.parley.stakeholder.standards.domain.RequestType;
import org.parley.stakeholder.standards.domain.Standards;
import org.parley.stakeholder.standards.domain.StandardsStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStandardsStore implements StandardsStore {

    private final JdbcClient jdbc;

    JdbcStandardsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Standards> active() {
        return complete(jdbc.sql("select * from standards_version where active").query(JdbcStandardsStore::version).list())
                .stream().findFirst();
    }

    @Override
    public Optional<Standards> find(int version) {
        return complete(jdbc.sql("select * from standards_version where version = :v").param("v", version)
                .query(JdbcStandardsStore::version).list()).stream().findFirst();
    }

    @Override
    public List<Standards> list(PageRequest page) {
        return complete(jdbc.sql("""
                select * from standards_version where (cast(:after as uuid) is null or id > :after) order by id limit :limit
                """)
                .param("after", page.after().orElse(null))
                .param("limit", page.fetchSize())
                .query(JdbcStandardsStore::version)
                .list());
    }

    @Override
    public int lockAndNextVersion() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('standards_version'))").query((rs, row) -> 0).list();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from standards_version").query(Integer.class).single();
    }

    @Override
    public void insert(Standards s) {
        RequestRules r = s.requestRules();
        jdbc.sql("""
                insert into standards_version (version, id, published_at, summary, active, min_statement_length,
                    overbreadth_subject_threshold, judicial_authorisation_required_for, max_information_period_days,
                    max_gag_days, transparency_k, legitimate_aims)
                values (:version, :id, :at, :summary, false, :minStatement, :overbreadth, :judicial, :maxPeriod, :maxGag,
                    :k, :aims)
                """)
                .param("version", s.version())
                .param("id", s.id())
                .param("at", Timestamp.from(s.publishedAt()))
                .param("summary", s.summary())
                .param("minStatement", r.minStatementLength())
                .param("overbreadth", r.overbreadthSubjectThreshold())
                .param("judicial", r.judicialAuthorisationRequiredFor().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("maxPeriod", r.maxInformationPeriodDays())
                .param("maxGag", r.maxGagDays())
                .param("k", r.transparencyK())
                .param("aims", r.legitimateAims().stream().map(Enum::name).toArray(String[]::new))
                .update();
        for (AnswerTime t : r.answerTimes()) {
            jdbc.sql("insert into standards_answer_time (version, request_type, minutes, advisory) values (:v, :type, :minutes, :advisory)")
                    .param("v", s.version()).param("type", t.type().name()).param("minutes", t.minutes()).param("advisory", t.advisory())
                    .update();
        }
        for (int i = 0; i < s.contentCategories().size(); i++) {
            ContentCategory c = s.contentCategories().get(i);
            jdbc.sql("""
                    insert into standards_content_category (version, position, code, name, definition, legal_references,
                        not_covered, incitement)
                    values (:v, :position, :code, :name, :definition, :references, :notCovered, :incitement)
                    """)
                    .param("v", s.version()).param("position", i + 1).param("code", c.code()).param("name", c.name())
                    .param("definition", c.definition())
                    .param("references", c.legalReferences().toArray(String[]::new))
                    .param("notCovered", c.notCovered().toArray(String[]::new))
                    .param("incitement", c.incitement())
                    .update();
        }
    }

    @Override
    public void activate(int version) {
        jdbc.sql("update standards_version set active = false where active and version <> :v").param("v", version).update();
        jdbc.sql("update standards_version set active = true where version = :v and not active").param("v", version).update();
    }

    private List<Standards> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Integer[] versions = rows.stream().map(Row::version).toArray(Integer[]::new);
        Map<Integer, List<ContentCategory>> categories = new HashMap<>();
        jdbc.sql("select * from standards_content_category where version = any(:v) order by version, position")
                .param("v", versions)
                .query((rs, row) -> Map.entry(rs.getInt("version"), new ContentCategory(rs.getString("code"), rs.getString("name"),
                        rs.getString("definition"), strings(rs.getArray("legal_references")), strings(rs.getArray("not_covered")),
                        rs.getBoolean("incitement"))))
                .list()
                .forEach(e -> categories.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Integer, List<AnswerTime>> times = new HashMap<>();
        jdbc.sql("select * from standards_answer_time where version = any(:v)")
                .param("v", versions)
                .query((rs, row) -> Map.entry(rs.getInt("version"), new AnswerTime(RequestType.valueOf(rs.getString("request_type")),
                        rs.getLong("minutes"), rs.getBoolean("advisory"))))
                .list()
                .forEach(e -> times.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> new Standards(r.version(), r.id(), r.publishedAt(), r.summary(), r.active(),
                        categories.getOrDefault(r.version(), List.of()),
                        new RequestRules(r.minStatementLength(), r.overbreadthSubjectThreshold(), r.judicial(),
                                r.maxInformationPeriodDays(), r.maxGagDays(), r.transparencyK(),
                                times.getOrDefault(r.version(), List.of()).stream()
                                        .sorted((a, b) -> a.type().compareTo(b.type())).toList(),
                                r.aims())))
                .toList();
    }

    private static Row version(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getInt("version"), rs.getObject("id", UUID.class), rs.getTimestamp("published_at").toInstant(),
                rs.getString("summary"), rs.getBoolean("active"), rs.getInt("min_statement_length"),
                rs.getInt("overbreadth_subject_threshold"),
                strings(rs.getArray("judicial_authorisation_required_for")).stream().map(DataCategory::valueOf)
                        .collect(Collectors.toSet()),
                rs.getInt("max_information_period_days"), rs.getInt("max_gag_days"), rs.getInt("transparency_k"),
                strings(rs.getArray("legitimate_aims")).stream().map(LegitimateAim::valueOf).toList());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private record Row(int version, UUID id, Instant publishedAt, String summary, boolean active, int minStatementLength,
            int overbreadthSubjectThreshold, Set<DataCategory> judicial, int maxInformationPeriodDays, int maxGagDays,
            int transparencyK, List<LegitimateAim> aims) {}
}
