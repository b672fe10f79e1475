package org.parley.appeal.appeals.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.appeal.appeals.domain.Appeal;
import org.parley.appeal.appeals.domain.AppealState;
import org.parley.appeal.appeals.domain.AppealStore;
import org.parley.appeal.appeals.domain.AppealedNotice;
import org.parley.appeal.appeals.domain.Decision;
import org.parley.appeal.appeals.domain.Escalation;
import org.parley.appeal.appeals.domain.Outcome;
import org.parley.appeal.appeals.domain.RabatAssessment;
import org.parley.appeal.shared.domain.Person;
import org.parley.appeal.stakeholders.domain.DecisionTime;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.parley.common.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAppealStore implements AppealStore {

    private static final String SELECT = """
            select a.*, n.reference as notice_reference, n.decider_subject, n.decider_username, n.category_incitement
            from appeal a join notice n on n.id = a.notice_id
            """;

    private final JdbcClient jdbc;

    JdbcAppealStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Appeal a) {
        return jdbc.sql("""
                insert into appeal (id, notice_id, company_id, owner_subject, state, statement, language, filed_at, due_at,
                    decision_days, decision_time_source)
                values (:id, :notice, :company, :owner, :state, :statement, :language, :filedAt, :dueAt, :days, :source)
                on conflict (notice_id) do nothing
                """)
                .param("id", a.id())
                .param("notice", a.notice().id())
                .param("company", a.companyId())
                .param("owner", a.ownerSubject())
                .param("state", a.state().name())
                .param("statement", a.statement())
                .param("language", a.language())
                .param("filedAt", ts(a.filedAt()))
                .param("dueAt", ts(a.dueAt()))
                .param("days", a.decisionTime().days())
                .param("source", a.decisionTime().source().name())
                .update() == 1;
    }

    @Override
    public Optional<Appeal> find(UUID id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(JdbcAppealStore::map).optional();
    }

    /** Writes every field a move can change; never overdue_at, which only the deadline job sets. */
    @Override
    public boolean update(Appeal a, int expectedVersion) {
        Decision d = a.decision();
        Decision i = a.independentDecision();
        RabatAssessment dr = d == null ? null : d.rabat();
        RabatAssessment ir = i == null ? null : i.rabat();
        // the reviewer who took the escalation is the one who decides it
        Person independent = a.escalation() == null ? null : a.escalation().reviewer();
        return jdbc.sql("""
                update appeal set state = :state, reviewer_subject = :reviewerSubject, reviewer_username = :reviewerUsername,
                    assigned_at = :assignedAt, outcome = :outcome, reasoning = :reasoning,
                    rabat_context = :rc, rabat_speaker = :rs, rabat_intent = :ri, rabat_content_and_form = :rf,
                    rabat_extent = :re, rabat_likelihood = :rl,
                    decided_at = :decidedAt, decided_by_subject = :decidedBySubject, decided_by_username = :decidedByUsername,
                    escalation_reason = :escalationReason, escalated_at = :escalatedAt,
                    independent_outcome = :iOutcome, independent_reasoning = :iReasoning,
                    independent_rabat_context = :irc, independent_rabat_speaker = :irs, independent_rabat_intent = :iri,
                    independent_rabat_content_and_form = :irf, independent_rabat_extent = :ire,
                    independent_rabat_likelihood = :irl, independently_decided_at = :iAt,
                    independent_reviewer_subject = :iSubject, independent_reviewer_username = :iUsername,
                    independent_assigned_at = :iAssignedAt,
                    version = :version
                where id = :id and version = :expected
                """)
                .param("state", a.state().name())
                .param("reviewerSubject", a.reviewer() == null ? null : a.reviewer().subject())
                .param("reviewerUsername", a.reviewer() == null ? null : a.reviewer().username())
                .param("assignedAt", ts(a.assignedAt()))
                .param("outcome", d == null ? null : d.outcome().name())
                .param("reasoning", d == null ? null : d.reasoning())
                .param("rc", dr == null ? null : dr.context())
                .param("rs", dr == null ? null : dr.speaker())
                .param("ri", dr == null ? null : dr.intent())
                .param("rf", dr == null ? null : dr.contentAndForm())
                .param("re", dr == null ? null : dr.extent())
                .param("rl", dr == null ? null : dr.likelihood())
                .param("decidedAt", d == null ? null : ts(d.at()))
                .param("decidedBySubject", d == null ? null : d.by().subject())
                .param("decidedByUsername", d == null ? null : d.by().username())
                .param("escalationReason", a.escalation() == null ? null : a.escalation().reason())
                .param("escalatedAt", a.escalation() == null ? null : ts(a.escalation().at()))
                .param("iOutcome", i == null ? null : i.outcome().name())
                .param("iReasoning", i == null ? null : i.reasoning())
                .param("irc", ir == null ? null : ir.context())
                .param("irs", ir == null ? null : ir.speaker())
                .param("iri", ir == null ? null : ir.intent())
                .param("irf", ir == null ? null : ir.contentAndForm())
                .param("ire", ir == null ? null : ir.extent())
                .param("irl", ir == null ? null : ir.likelihood())
                .param("iAt", i == null ? null : ts(i.at()))
                .param("iSubject", independent == null ? null : independent.subject())
                .param("iUsername", independent == null ? null : independent.username())
                .param("iAssignedAt", a.escalation() == null ? null : ts(a.escalation().takenAt()))
                .param("version", a.version())
                .param("id", a.id())
                .param("expected", expectedVersion)
                .update() == 1;
    }

    @Override
    public List<Appeal> list(Caller caller, AppealFilter filter, Instant now, PageRequest page) {
        List<String> visible = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!caller.isAdmin()) {
            if (caller.has(Role.COMPANY_RESPONDER) && caller.stakeholderId().isPresent()) {
                visible.add("a.company_id = cast(:company as uuid)");
                params.put("company", caller.stakeholderId().get());
            }
            if (caller.has(Role.APPELLANT)) {
                visible.add("a.owner_subject = :owner");
                params.put("owner", caller.subject());
            }
            if (caller.has(Role.REVIEWER)) {
                visible.add("a.escalated_at is not null");
            }
            if (visible.isEmpty()) {
                return List.of();
            }
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        if (!visible.isEmpty()) {
            sql.append(" and (").append(String.join(" or ", visible)).append(")");
        }
        if (filter.state() != null) {
            sql.append(" and a.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue()
                    ? " and a.state in ('FILED', 'IN_REVIEW') and a.due_at < :now"
                    : " and not (a.state in ('FILED', 'IN_REVIEW') and a.due_at < :now)");
            params.put("now", ts(now));
        }
        if (filter.noticeId() != null) {
            sql.append(" and a.notice_id = :notice");
            params.put("notice", filter.noticeId());
        }
        if (page.after().isPresent()) {
            sql.append(" and a.id > :after");
            params.put("after", page.after().get());
        }
        sql.append(" order by a.id limit :limit");
        params.put("limit", page.fetchSize());
        return jdbc.sql(sql.toString()).params(params).query(JdbcAppealStore::map).list();
    }

    /**
     * One statement: the rows are picked with {@code FOR UPDATE SKIP LOCKED}, so that two instances running
     * the job at once take different rows, and a row being decided right now is left for the next round.
     */
    @Override
    public List<Appeal> markOverdue(Instant now, int limit) {
        List<UUID> marked = jdbc.sql("""
                update appeal a set overdue_at = :now
                from (select id from appeal
                      where state in ('FILED', 'IN_REVIEW') and overdue_at is null and due_at < :now
                      order by due_at
                      limit :limit
                      for update skip locked) due
                where a.id = due.id
                returning a.id
                """)
                .param("now", ts(now)).param("limit", limit)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        if (marked.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where a.id = any(:ids) order by a.due_at")
                .param("ids", marked.toArray(UUID[]::new))
                .query(JdbcAppealStore::map).list();
    }

    static Appeal map(ResultSet rs, int row) throws SQLException {
        AppealedNotice notice = new AppealedNotice(rs.getObject("notice_id", UUID.class), rs.getString("notice_reference"),
                new Person(rs.getString("decider_subject"), rs.getString("decider_username")),
                rs.getBoolean("category_incitement"));
        Person reviewer = rs.getString("reviewer_subject") == null ? null
                : new Person(rs.getString("reviewer_subject"), rs.getString("reviewer_username"));
        Decision decision = rs.getString("outcome") == null ? null : new Decision(
                Outcome.valueOf(rs.getString("outcome")), rs.getString("reasoning"), rabat(rs, "rabat_"),
                new Person(rs.getString("decided_by_subject"), rs.getString("decided_by_username")),
                instant(rs, "decided_at"));
        Person independentReviewer = rs.getString("independent_reviewer_subject") == null ? null
                : new Person(rs.getString("independent_reviewer_subject"), rs.getString("independent_reviewer_username"));
        Escalation escalation = rs.getTimestamp("escalated_at") == null ? null
                : new Escalation(rs.getString("escalation_reason"), instant(rs, "escalated_at"), independentReviewer,
                        instant(rs, "independent_assigned_at"));
        Decision independent = rs.getString("independent_outcome") == null ? null : new Decision(
                Outcome.valueOf(rs.getString("independent_outcome")), rs.getString("independent_reasoning"),
                rabat(rs, "independent_rabat_"), independentReviewer, instant(rs, "independently_decided_at"));
        return new Appeal(
                rs.getObject("id", UUID.class),
                notice,
                rs.getObject("company_id", UUID.class),
                rs.getString("owner_subject"),
                AppealState.valueOf(rs.getString("state")),
                rs.getString("statement"),
                rs.getString("language"),
                instant(rs, "filed_at"),
                instant(rs, "due_at"),
                new DecisionTime(rs.getInt("decision_days"), DecisionTime.Source.valueOf(rs.getString("decision_time_source"))),
                instant(rs, "overdue_at"),
                reviewer,
                instant(rs, "assigned_at"),
                decision,
                escalation,
                independent,
                rs.getInt("version"));
    }

    private static RabatAssessment rabat(ResultSet rs, String prefix) throws SQLException {
        if (rs.getString(prefix + "context") == null) {
            return null;
        }
        return new RabatAssessment(rs.getString(prefix + "context"), rs.getString(prefix + "speaker"),
                rs.getString(prefix + "intent"), rs.getString(prefix + "content_and_form"), rs.getString(prefix + "extent"),
                rs.getString(prefix + "likelihood"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
