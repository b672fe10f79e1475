package org.parley.stakeholder.commitment.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.commitment.domain.Assessment;
import org.parley.stakeholder.commitment.domain.Commitment;
import org.parley.stakeholder.commitment.domain.CommitmentStatus;
import org.parley.stakeholder.commitment.domain.CommitmentStore;
import org.parley.stakeholder.commitment.domain.IndicatorPledge;
import org.parley.stakeholder.commitment.domain.ProgressReport;
import org.parley.stakeholder.commitment.domain.Rating;
import org.parley.stakeholder.indicator.domain.Indicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCommitmentStore implements CommitmentStore {

    private static final String FILTER = """
            (cast(:stakeholder as uuid) is null or c.stakeholder_id = :stakeholder)
              and (cast(:framework as uuid) is null or c.framework_id = :framework)
              and (cast(:status as text) is null or c.status = :status)
              and (not :activeOnly or exists (select 1 from stakeholder s where s.id = c.stakeholder_id and s.status = 'ACTIVE'))
            """;

    private final JdbcClient jdbc;

    JdbcCommitmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Commitment c) {
        return jdbc.sql("""
                insert into commitment (id, stakeholder_id, framework_id, clause_number, status, target_date, indicator,
                    indicator_target, created_at, updated_at)
                values (:id, :stakeholder, :framework, :clause, :status, :target, :indicator, :indicatorTarget, :at, :at)
                on conflict do nothing
                """)
                .param("id", c.id())
                .param("stakeholder", c.stakeholderId())
                .param("framework", c.frameworkId())
                .param("clause", c.clauseNumber())
                .param("status", c.status().name())
                .param("target", Date.valueOf(c.targetDate()))
                .param("indicator", c.indicator().map(i -> i.indicator().name()).orElse(null))
                .param("indicatorTarget", c.indicator().map(IndicatorPledge::targetValue).map(BigDecimal::valueOf).orElse(null))
                .param("at", Timestamp.from(c.createdAt()))
                .update() == 1;
    }

    @Override
    public Optional<Commitment> find(UUID id) {
        return jdbc.sql("select * from commitment c where id = :id").param("id", id).query(JdbcCommitmentStore::map).optional();
    }

    @Override
    public Optional<Commitment> lock(UUID id) {
        return jdbc.sql("select * from commitment c where id = :id for update").param("id", id)
                .query(JdbcCommitmentStore::map).optional();
    }

    @Override
    public void update(Commitment c) {
        jdbc.sql("""
                update commitment set status = :status, target_date = :target, updated_at = :at, version = version + 1
                where id = :id
                """)
                .param("id", c.id())
                .param("status", c.status().name())
                .param("target", Date.valueOf(c.targetDate()))
                .param("at", Timestamp.from(c.updatedAt()))
                .update();
    }

    @Override
    public List<Commitment> list(CommitmentQuery query, PageRequest page) {
        return filtered(jdbc.sql("select * from commitment c where " + FILTER
                        + " and (cast(:after as uuid) is null or c.id > :after) order by c.id limit :limit"), query)
                .param("after", page.after().orElse(null))
                .param("limit", page.fetchSize())
                .query(JdbcCommitmentStore::map)
                .list();
    }

    @Override
    public Map<CommitmentStatus, Long> countByStatus(CommitmentQuery query) {
        Map<CommitmentStatus, Long> counts = new EnumMap<>(CommitmentStatus.class);
        for (CommitmentStatus status : CommitmentStatus.values()) {
            counts.put(status, 0L);
        }
        filtered(jdbc.sql("select c.status, count(*) from commitment c where " + FILTER + " group by c.status"), query)
                .query((rs, row) -> Map.entry(CommitmentStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, CommitmentQuery query) {
        return statement
                .param("stakeholder", query.stakeholderId())
                .param("framework", query.frameworkId())
                .param("status", query.status() == null ? null : query.status().name())
                .param("activeOnly", query.activeStakeholdersOnly());
    }

    @Override
    public void insertReport(ProgressReport r) {
        jdbc.sql("""
                insert into progress_report (id, commitment_id, text, evidence_urls, reported_at)
                values (:id, :commitment, :text, :urls, :at)
                """)
                .param("id", r.id())
                .param("commitment", r.commitmentId())
                .param("text", r.text())
                .param("urls", r.evidenceUrls().toArray(String[]::new))
                .param("at", Timestamp.from(r.reportedAt()))
                .update();
    }

    @Override
    public List<ProgressReport> reports(UUID commitmentId) {
        return jdbc.sql("select * from progress_report where commitment_id = :id order by id")
                .param("id", commitmentId)
                .query((rs, row) -> new ProgressReport(
                        rs.getObject("id", UUID.class),
                        rs.getObject("commitment_id", UUID.class),
                        rs.getString("text"),
                        List.of((String[]) rs.getArray("evidence_urls").getArray()),
                        rs.getTimestamp("reported_at").toInstant()))
                .list();
    }

    @Override
    public void insertAssessment(Assessment a) {
        jdbc.sql("""
                insert into assessment (id, commitment_id, rating, findings, assessor_name, assessor_stakeholder_id, assessed_at)
                values (:id, :commitment, :rating, :findings, :assessor, :organisation, :at)
                """)
                .param("id", a.id())
                .param("commitment", a.commitmentId())
                .param("rating", a.rating().name())
                .param("findings", a.findings())
                .param("assessor", a.assessorName())
                .param("organisation", a.assessorStakeholderId().orElse(null))
                .param("at", Timestamp.from(a.assessedAt()))
                .update();
    }

    @Override
    public List<Assessment> assessments(UUID commitmentId) {
        return jdbc.sql("select * from assessment where commitment_id = :id order by id")
                .param("id", commitmentId)
                .query(JdbcCommitmentStore::assessment)
                .list();
    }

    @Override
    public Map<UUID, Assessment> latestAssessments(Collection<UUID> commitmentIds) {
        Map<UUID, Assessment> latest = new HashMap<>();
        if (commitmentIds.isEmpty()) {
            return latest;
        }
        jdbc.sql("""
                select distinct on (commitment_id) * from assessment
                where commitment_id = any(:ids) order by commitment_id, id desc
                """)
                .param("ids", commitmentIds.toArray(UUID[]::new))
                .query(JdbcCommitmentStore::assessment)
                .list()
                .forEach(a -> latest.put(a.commitmentId(), a));
        return latest;
    }

    @Override
    public List<Commitment> liveWithIndicator(UUID stakeholderId, Indicator indicator) {
        return jdbc.sql("""
                select * from commitment c
                where stakeholder_id = :stakeholder and indicator = :indicator
                  and status in ('PLEDGED', 'IN_PROGRESS', 'IMPLEMENTED')
                order by id
                """)
                .param("stakeholder", stakeholderId)
                .param("indicator", indicator.name())
                .query(JdbcCommitmentStore::map)
                .list();
    }

    @Override
    public List<Commitment> claimOverdue(LocalDate today, int limit) {
        return jdbc.sql("""
                select * from commitment c
                where status in ('PLEDGED', 'IN_PROGRESS') and target_date < :today
                order by target_date, id
                limit :limit
                for update skip locked
                """)
                .param("today", Date.valueOf(today))
                .param("limit", limit)
                .query(JdbcCommitmentStore::map)
                .list();
    }

    static Commitment map(ResultSet rs, int row) throws SQLException {
        String indicator = rs.getString("indicator");
        BigDecimal target = rs.getBigDecimal("indicator_target");
        return new Commitment(
                rs.getObject("id", UUID.class),
                rs.getObject("stakeholder_id", UUID.class),
                rs.getObject("framework_id", UUID.class),
                rs.getString("clause_number"),
                CommitmentStatus.valueOf(rs.getString("status")),
                rs.getDate("target_date").toLocalDate(),
                indicator == null ? Optional.empty()
                        : Optional.of(new IndicatorPledge(Indicator.valueOf(indicator), target == null ? null : target.doubleValue())),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    static Assessment assessment(ResultSet rs, int row) throws SQLException {
        return new Assessment(
                rs.getObject("id", UUID.class),
                rs.getObject("commitment_id", UUID.class),
                Rating.valueOf(rs.getString("rating")),
                rs.getString("findings"),
                rs.getString("assessor_name"),
                Optional.ofNullable(rs.getObject("assessor_stakeholder_id", UUID.class)),
                rs.getTimestamp("assessed_at").toInstant());
    }
}
