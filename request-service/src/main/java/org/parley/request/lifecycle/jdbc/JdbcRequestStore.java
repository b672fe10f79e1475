package org.parley.request.lifecycle.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.common.paging.PageRequest;
import org.parley.request.lifecycle.domain.Answer;
import org.parley.request.lifecycle.domain.Clarification;
import org.parley.request.lifecycle.domain.CompanyResponse;
import org.parley.request.lifecycle.domain.Disclosure;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.ListingOrder;
import org.parley.request.lifecycle.domain.Outcome;
import org.parley.request.lifecycle.domain.PartyRef;
import org.parley.request.lifecycle.domain.ReasonCode;
import org.parley.request.lifecycle.domain.RequestHeadline;
import org.parley.request.lifecycle.domain.RequestState;
import org.parley.request.lifecycle.domain.RequestStore;
import org.parley.request.privacy.SubjectProtection;
import org.parley.request.privacy.SubjectSeals;
import org.parley.request.shared.domain.AnswerClock;
import org.parley.request.shared.domain.Confidentiality;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.DataPeriod;
import org.parley.request.shared.domain.JudicialAuthorisation;
import org.parley.request.shared.domain.LegalBasis;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.shared.domain.Subject;
import org.parley.request.shared.domain.SubjectKey;
import org.parley.request.shared.domain.SubjectKind;
import org.parley.request.shared.domain.Submission;
import org.parley.request.shared.domain.Urgency;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRequestStore implements RequestStore {

    private static final String SELECT = """
            select r.*, a.name as authority_name, c.name as company_name
            from government_request r
            left join party a on a.id = r.authority_id
            left join party c on c.id = r.target_company_id
            """;

    private final JdbcClient jdbc;
    private final SubjectProtection protection;

    JdbcRequestStore(JdbcClient jdbc, SubjectProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    @Override
    public void insert(GovernmentRequest r) {
        upsertParty(r.authority(), r.submittedAt());
        upsertParty(r.company(), r.submittedAt());
        Submission s = r.content();
        jdbc.sql("""
                insert into government_request (id, type, state, authority_id, authority_country, target_company_id,
                    submitted_by, legal_instrument, legal_provision, legal_jurisdiction, legitimate_aim,
                    necessity_statement, proportionality_statement, statement_of_reasons, data_categories,
                    period_from, period_to, judicial_court, judicial_reference, judicial_date, gag_until,
                    gag_justification, urgency, answer_by, rules_version, answer_time_ms, submitted_at, version)
                values (:id, :type, :state, :authority, :country, :company, :submittedBy, :instrument, :provision,
                    :jurisdiction, :aim, :necessity, :proportionality, :reasons, :categories, :periodFrom, :periodTo,
                    :court, :reference, :judicialDate, :gagUntil, :gagJustification, :urgency, :answerBy, :rulesVersion,
                    :answerTime, :submittedAt, :version)
                """)
                .param("id", r.id())
                .param("type", s.type().name())
                .param("state", r.state().name())
                .param("authority", r.authority().id())
                .param("country", r.authority().country())
                .param("company", r.company().id())
                .param("submittedBy", r.submittedBy())
                .param("instrument", s.legalBasis().instrument())
                .param("provision", s.legalBasis().provision())
                .param("jurisdiction", s.legalBasis().jurisdiction())
                .param("aim", s.legitimateAim())
                .param("necessity", s.necessityStatement())
                .param("proportionality", s.proportionalityStatement())
                .param("reasons", s.statementOfReasons())
                .param("categories", s.dataCategories().stream().map(Enum::name).toArray(String[]::new))
                .param("periodFrom", s.period() == null ? null : s.period().from())
                .param("periodTo", s.period() == null ? null : s.period().to())
                .param("court", s.judicialAuthorisation() == null ? null : s.judicialAuthorisation().court())
                .param("reference", s.judicialAuthorisation() == null ? null : s.judicialAuthorisation().reference())
                .param("judicialDate", s.judicialAuthorisation() == null ? null : s.judicialAuthorisation().date())
                .param("gagUntil", s.confidentiality() == null ? null : s.confidentiality().until())
                .param("gagJustification", s.confidentiality() == null ? null : s.confidentiality().justification())
                .param("urgency", s.urgency().name())
                .param("answerBy", timestamp(s.answerBy()))
                .param("rulesVersion", r.rulesVersion())
                .param("answerTime", r.answerTime() == null ? null : r.answerTime().toMillis())
                .param("submittedAt", timestamp(r.submittedAt()))
                .param("version", r.version())
                .update();
        List<Subject> subjects = s.subjects();
        for (int i = 0; i < subjects.size(); i++) {
            jdbc.sql("insert into request_subject (request_id, position, kind, value, subject_key) values (:id, :pos, :kind, :value, :key)")
                    .param("id", r.id()).param("pos", i).param("kind", subjects.get(i).kind().name())
                    .param("value", protection.seal(subjects.get(i).value(), SubjectSeals.subjectRow(r.id(), i)))
                    .param("key", protection.matchKey(SubjectKey.of(subjects.get(i))))
                    .update();
        }
        List<Finding> warnings = r.warnings();
        for (int i = 0; i < warnings.size(); i++) {
            jdbc.sql("insert into request_finding (request_id, position, rule, severity, message) values (:id, :pos, :rule, :severity, :message)")
                    .param("id", r.id()).param("pos", i).param("rule", warnings.get(i).rule())
                    .param("severity", warnings.get(i).severity().name()).param("message", warnings.get(i).message())
                    .update();
        }
        writeProgress(r, null);
    }

    @Override
    public Optional<GovernmentRequest> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::map).optional();
    }

    @Override
    public Optional<GovernmentRequest> lock(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id for update of r").param("id", id).query(this::map).optional();
    }

    @Override
    public void update(GovernmentRequest before, GovernmentRequest after) {
        writeProgress(after, before.version());
        for (Clarification c : after.clarifications()) {
            jdbc.sql("""
                    insert into request_clarification (id, request_id, question, asked_at, answer, answered_at)
                    values (:id, :request, :question, :askedAt, :answer, :answeredAt)
                    on conflict (id) do update set answer = excluded.answer, answered_at = excluded.answered_at
                    """)
                    .param("id", c.id()).param("request", after.id()).param("question", c.question())
                    .param("askedAt", timestamp(c.askedAt())).param("answer", c.answer())
                    .param("answeredAt", timestamp(c.answeredAt()))
                    .update();
        }
    }

    /** Writes everything that changes after submission; with {@code expectedVersion}, only over that version. */
    private void writeProgress(GovernmentRequest r, Integer expectedVersion) {
        AnswerClock clock = r.clock();
        Answer answer = r.answer();
        CompanyResponse response = answer == null ? null : answer.response();
        int updated = jdbc.sql("""
                update government_request set state = :state, received_at = :receivedAt, confirmed_by = :confirmedBy,
                    due_at = :dueAt, clock_stopped_at = :stoppedAt, clock_remaining_ms = :remaining,
                    clock_stopped_ms = :stoppedFor, overdue_at = :overdueAt, outcome = :outcome,
                    reason_codes = :reasonCodes, explanation = :explanation, action_taken_at = :actionTakenAt,
                    disclosure_item_count = :itemCount, disclosure_sha256 = :sha256, answered_at = :answeredAt,
                    answer_ms = :answerMs, answered_in_time = :inTime, withdrawn_at = :withdrawnAt,
                    users_notified_at = :notifiedAt, version = :version
                where id = :id and (cast(:expected as int) is null or version = :expected)
                """)
                .param("state", r.state().name())
                .param("receivedAt", timestamp(r.receivedAt()))
                .param("confirmedBy", r.confirmedBy())
                .param("dueAt", clock == null ? null : timestamp(clock.dueAt()))
                .param("stoppedAt", clock == null ? null : timestamp(clock.stoppedAt()))
                .param("remaining", clock == null || clock.remaining() == null ? null : clock.remaining().toMillis())
                .param("stoppedFor", clock == null ? 0L : clock.stoppedFor().toMillis())
                .param("overdueAt", timestamp(r.overdueAt()))
                .param("outcome", response == null ? null : response.outcome().name())
                .param("reasonCodes", response == null ? null : response.reasonCodes().stream().map(Enum::name).toArray(String[]::new))
                .param("explanation", response == null ? null : response.explanation())
                .param("actionTakenAt", response == null ? null : timestamp(response.actionTakenAt()))
                .param("itemCount", response == null || response.disclosure() == null ? null : response.disclosure().itemCount())
                .param("sha256", response == null || response.disclosure() == null ? null : response.disclosure().packageSha256())
                .param("answeredAt", answer == null ? null : timestamp(answer.answeredAt()))
                .param("answerMs", answer == null ? null : answer.companyTime().toMillis())
                .param("inTime", answer == null ? null : answer.inTime())
                .param("withdrawnAt", timestamp(r.withdrawnAt()))
                .param("notifiedAt", timestamp(r.usersNotifiedAt()))
                .param("version", r.version())
                .param("id", r.id())
                .param("expected", expectedVersion)
                .update();
        if (updated != 1) {
            throw new Conflict("CONCURRENT_CHANGE", "The request was changed at the same time; reload it and try again");
        }
    }

    /**
     * A request's place in the {@link ListingOrder#URGENCY} order, as one number that grows as urgency
     * falls: the rank (0 open and past due, 1 open and counting down, 2 open without a running clock,
     * 3 answered or withdrawn) times a band wider than any epoch-millisecond time, plus the time that
     * orders rows within the rank. {@code %1$s} is the table's alias. The portal's inbox orders its
     * rows by the same rule.
     */
    private static final String URGENCY_PLACE = """
            (case
               when %1$s.state not in ('SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED') then 3
               when %1$s.overdue_at is not null or %1$s.due_at < :now then 0
               when %1$s.due_at is not null then 1
               else 2 end * 10000000000000
             + case
               when %1$s.state not in ('SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED')
                 then 9999999999999 - coalesce(cast(extract(epoch from %1$s.received_at) * 1000 as bigint), 0)
               when %1$s.due_at is not null then cast(extract(epoch from %1$s.due_at) * 1000 as bigint)
               else coalesce(cast(extract(epoch from %1$s.received_at) * 1000 as bigint), 0) end)""";

    @Override
    public List<RequestHeadline> list(RequestFilter filter, ListingOrder order, Instant now, PageRequest page) {
        // keyset paging in both orders: the token is the last id served; in the order of urgency the
        // cursor is that request's place, worked out again (a request answered between two pages moves)
        String cursorAndOrder = order == ListingOrder.URGENCY ? """
                  and (cast(:after as uuid) is null or (%s, r.id) >
                       (select %s, c.id from government_request c where c.id = :after))
                order by %s, r.id
                """.formatted(URGENCY_PLACE.formatted("r"), URGENCY_PLACE.formatted("c"), URGENCY_PLACE.formatted("r"))
                : """
                  and (cast(:after as uuid) is null or r.id < :after)
                order by r.id desc
                """;
        List<RequestHeadline> headlines = jdbc.sql(SELECT + """
                where (cast(:authority as uuid) is null or r.authority_id = :authority)
                  and (cast(:company as uuid) is null or (r.target_company_id = :company and r.received_at is not null))
                  and (cardinality(cast(:states as text[])) = 0 or r.state = any(cast(:states as text[])))
                  and (cast(:type as text) is null or r.type = :type)
                  and (cast(:overdue as boolean) is null or :overdue = (r.overdue_at is not null
                        or (r.due_at < :now and r.state in ('SUBMITTED', 'ACKNOWLEDGED'))))
                """ + cursorAndOrder + """
                limit :limit
                """)
                .param("authority", filter.scope().authorityId())
                .param("company", filter.scope().companyId())
                .param("states", filter.states().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("type", filter.type() == null ? null : filter.type().name())
                .param("overdue", filter.overdue())
                .param("now", timestamp(now))
                .param("after", page.after().orElse(null))
                .param("limit", page.fetchSize())
                .query((rs, row) -> headline(rs, now))
                .list();
        return withWarnings(headlines);
    }

    /** The page's warnings in one query, not one per row. */
    private List<RequestHeadline> withWarnings(List<RequestHeadline> headlines) {
        if (headlines.isEmpty()) {
            return headlines;
        }
        Map<UUID, List<Finding>> byRequest = new HashMap<>();
        jdbc.sql("""
                select request_id, rule, severity, message from request_finding
                where request_id = any(:ids) order by request_id, position
                """)
                .param("ids", headlines.stream().map(RequestHeadline::id).toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> byRequest
                        .computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(new Finding(rs.getString(2), Severity.valueOf(rs.getString(3)), rs.getString(4))));
        return headlines.stream().map(h -> h.withWarnings(byRequest.getOrDefault(h.id(), List.of()))).toList();
    }

    /**
     * Keeps the party's public name as last seen. Written only when new or changed: every submission
     * names the same few parties, and an upsert that always updates would lock their rows until
     * commit, so that all submissions to one company waited for each other.
     */
    private void upsertParty(PartyRef party, Instant at) {
        jdbc.sql("insert into party (id, name, country, updated_at) values (:id, :name, :country, :at) on conflict (id) do nothing")
                .param("id", party.id()).param("name", party.name()).param("country", party.country())
                .param("at", timestamp(at))
                .update();
        jdbc.sql("""
                update party set name = :name, country = :country, updated_at = :at
                where id = :id and (name is distinct from :name or country is distinct from :country)
                """)
                .param("id", party.id()).param("name", party.name()).param("country", party.country())
                .param("at", timestamp(at))
                .update();
    }

    private RequestHeadline headline(ResultSet rs, Instant now) throws SQLException {
        Instant dueAt = instant(rs, "due_at");
        RequestState state = RequestState.valueOf(rs.getString("state"));
        LocalDate gagUntil = rs.getObject("gag_until", LocalDate.class);
        boolean overdue = rs.getTimestamp("overdue_at") != null
                || (dueAt != null && now.isAfter(dueAt) && state.isOpen() && rs.getTimestamp("clock_stopped_at") == null);
        return new RequestHeadline(
                rs.getObject("id", UUID.class),
                RequestType.valueOf(rs.getString("type")),
                state,
                authority(rs),
                company(rs),
                Urgency.valueOf(rs.getString("urgency")),
                instant(rs, "submitted_at"),
                instant(rs, "received_at"),
                dueAt,
                overdue,
                gagUntil != null && new Confidentiality(gagUntil, null).inForceAt(now),
                List.of());
    }

    private GovernmentRequest map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        RequestType type = RequestType.valueOf(rs.getString("type"));
        LocalDate gagUntil = rs.getObject("gag_until", LocalDate.class);
        String gagJustification = rs.getString("gag_justification");
        String court = rs.getString("judicial_court");
        String reference = rs.getString("judicial_reference");
        LocalDate judicialDate = rs.getObject("judicial_date", LocalDate.class);
        LocalDate periodFrom = rs.getObject("period_from", LocalDate.class);
        LocalDate periodTo = rs.getObject("period_to", LocalDate.class);
        Submission content = new Submission(
                type,
                rs.getObject("target_company_id", UUID.class),
                new LegalBasis(rs.getString("legal_instrument"), rs.getString("legal_provision"), rs.getString("legal_jurisdiction")),
                rs.getString("legitimate_aim"),
                rs.getString("necessity_statement"),
                rs.getString("proportionality_statement"),
                subjects(id),
                rs.getString("statement_of_reasons"),
                enums(rs.getArray("data_categories"), DataCategory.class),
                periodFrom == null && periodTo == null ? null : new DataPeriod(periodFrom, periodTo),
                court == null && reference == null && judicialDate == null ? null : new JudicialAuthorisation(court, reference, judicialDate),
                gagUntil == null && gagJustification == null ? null : new Confidentiality(gagUntil, gagJustification),
                Urgency.valueOf(rs.getString("urgency")),
                instant(rs, "answer_by"));
        Instant receivedAt = instant(rs, "received_at");
        AnswerClock clock = receivedAt == null ? null : new AnswerClock(
                instant(rs, "due_at"),
                instant(rs, "clock_stopped_at"),
                millis(rs, "clock_remaining_ms"),
                Duration.ofMillis(rs.getLong("clock_stopped_ms")));
        Answer answer = null;
        if (rs.getString("outcome") != null) {
            Integer itemCount = (Integer) rs.getObject("disclosure_item_count");
            String sha = rs.getString("disclosure_sha256");
            CompanyResponse response = new CompanyResponse(
                    Outcome.valueOf(rs.getString("outcome")),
                    List.copyOf(enums(rs.getArray("reason_codes"), ReasonCode.class)),
                    rs.getString("explanation"),
                    instant(rs, "action_taken_at"),
                    itemCount == null && sha == null ? null : new Disclosure(itemCount, sha));
            answer = new Answer(response, instant(rs, "answered_at"), millis(rs, "answer_ms"),
                    (Boolean) rs.getObject("answered_in_time"));
        }
        return new GovernmentRequest(
                id,
                content,
                authority(rs),
                company(rs),
                rs.getString("submitted_by"),
                rs.getInt("rules_version"),
                warnings(id),
                millis(rs, "answer_time_ms"),
                RequestState.valueOf(rs.getString("state")),
                instant(rs, "submitted_at"),
                receivedAt,
                rs.getString("confirmed_by"),
                clock,
                instant(rs, "overdue_at"),
                clarifications(id),
                answer,
                instant(rs, "withdrawn_at"),
                instant(rs, "users_notified_at"),
                rs.getInt("version"));
    }

    private List<Subject> subjects(UUID id) {
        return jdbc.sql("select kind, value, position from request_subject where request_id = :id order by position")
                .param("id", id)
                .query((rs, row) -> new Subject(SubjectKind.valueOf(rs.getString(1)),
                        SubjectSeals.open(protection, rs.getString(2), id, rs.getInt(3))))
                .list();
    }

    private List<Finding> warnings(UUID id) {
        return jdbc.sql("select rule, severity, message from request_finding where request_id = :id order by position")
                .param("id", id)
                .query((rs, row) -> new Finding(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    private List<Clarification> clarifications(UUID id) {
        return jdbc.sql("select * from request_clarification where request_id = :id order by asked_at, id")
                .param("id", id)
                .query((rs, row) -> new Clarification(rs.getObject("id", UUID.class), rs.getString("question"),
                        instant(rs, "asked_at"), rs.getString("answer"), instant(rs, "answered_at")))
                .list();
    }

    private static PartyRef authority(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("authority_id", UUID.class);
        String name = rs.getString("authority_name");
        return new PartyRef(id, name == null ? id.toString() : name, rs.getString("authority_country"));
    }

    private static PartyRef company(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("target_company_id", UUID.class);
        String name = rs.getString("company_name");
        return new PartyRef(id, name == null ? id.toString() : name, null);
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        EnumSet<E> values = EnumSet.noneOf(type);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).map(name -> Enum.valueOf(type, name)).forEach(values::add);
        }
        return values;
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Duration millis(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofMillis(value);
    }
}
