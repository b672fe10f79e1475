package org.parley.request.archive.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.parley.request.archive.domain.ArchiveQuery;
import org.parley.request.archive.domain.ArchiveStore;
import org.parley.request.archive.domain.PublicRecord;
import org.parley.request.archive.domain.RedactedSubject;
import org.parley.request.archive.domain.RedactedSubjects;
import org.parley.request.archive.domain.RedactionKind;
import org.parley.request.lifecycle.domain.PartyRef;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.DataPeriod;
import org.parley.request.shared.domain.LegalBasis;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.shared.domain.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcArchiveStore implements ArchiveStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> SUBJECTS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    JdbcArchiveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(PublicRecord r) {
        return jdbc.sql("""
                insert into archived_request (id, published_at, type, authority_id, authority_name, authority_country,
                    company_id, company_name, legal_instrument, legal_provision, legal_jurisdiction, legitimate_aim,
                    data_categories, period_from, period_to, judicially_authorised, received_at, received_month, due_at, answered_at,
                    action_taken_at, withdrawn_at, gag_until, outcome, reason_codes, answer_ms, answered_in_time,
                    overdue, disclosed_items, subjects, redactions, search)
                values (:id, :publishedAt, :type, :authority, :authorityName, :country, :company, :companyName,
                    :instrument, :provision, :jurisdiction, :aim, :categories, :periodFrom, :periodTo, :judicial,
                    :receivedAt, :receivedMonth, :dueAt, :answeredAt, :actionTakenAt, :withdrawnAt, :gagUntil, :outcome, :reasonCodes,
                    :answerMs, :inTime, :overdue, :items, cast(:subjects as jsonb), cast(:redactions as jsonb),
                    to_tsvector('simple', :search))
                on conflict (id) do nothing
                """)
                .param("id", r.id())
                .param("publishedAt", timestamp(r.publishedAt()))
                .param("type", r.type().name())
                .param("authority", r.authority().id())
                .param("authorityName", r.authority().name())
                .param("country", r.authority().country())
                .param("company", r.company().id())
                .param("companyName", r.company().name())
                .param("instrument", r.legalBasis().instrument())
                .param("provision", r.legalBasis().provision())
                .param("jurisdiction", r.legalBasis().jurisdiction())
                .param("aim", r.legitimateAim())
                .param("categories", r.dataCategories().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("periodFrom", r.period() == null ? null : r.period().from())
                .param("periodTo", r.period() == null ? null : r.period().to())
                .param("judicial", r.judiciallyAuthorised())
                .param("receivedAt", timestamp(r.receivedAt()))
                .param("receivedMonth", LocalDate.ofInstant(r.receivedAt(), ZoneOffset.UTC).withDayOfMonth(1))
                .param("dueAt", timestamp(r.dueAt()))
                .param("answeredAt", timestamp(r.answeredAt()))
                .param("actionTakenAt", timestamp(r.actionTakenAt()))
                .param("withdrawnAt", timestamp(r.withdrawnAt()))
                .param("gagUntil", r.gagUntil())
                .param("outcome", r.outcome())
                .param("reasonCodes", r.reasonCodes().toArray(String[]::new))
                .param("answerMs", r.answerTime() == null ? null : r.answerTime().toMillis())
                .param("inTime", r.answeredInTime())
                .param("overdue", r.overdue())
                .param("items", r.disclosedItems())
                .param("subjects", subjectsJson(r.subjects()))
                .param("redactions", countsJson(r.redactions()))
                .param("search", r.searchText())
                .update() == 1;
    }

    @Override
    public void await(UUID request, Instant from) {
        jdbc.sql("""
                insert into archive_pending (request_id, publish_from) values (:id, :from)
                on conflict (request_id) do update set publish_from = excluded.publish_from
                """).param("id", request).param("from", timestamp(from)).update();
    }

    @Override
    public List<UUID> claimDue(Instant now, int batch) {
        return jdbc.sql("""
                select request_id from archive_pending where publish_from <= :now
                order by publish_from limit :batch for update skip locked
                """).param("now", timestamp(now)).param("batch", batch).query(UUID.class).list();
    }

    @Override
    public void settle(UUID request) {
        jdbc.sql("delete from archive_pending where request_id = :id").param("id", request).update();
    }

    @Override
    public Optional<PublicRecord> find(UUID id) {
        return jdbc.sql("select * from archived_request where id = :id").param("id", id).query(this::map).optional();
    }

    /** Beyond this many months a search by received day reads the whole archive newest first instead. */
    static final int MAX_MONTHS = 120;

    @Override
    public List<PublicRecord> search(ArchiveQuery q, OptionalLong after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String filters = filters(q, after, params);
        params.put("limit", limit);
        List<LocalDate> months = months(q, this::receivedMonths);
        if (months.isEmpty()) {
            return jdbc.sql("select * from archived_request where true" + filters + " order by position desc limit :limit")
                    .params(params).query(this::map).list();
        }
        // each month of the range newest first, from the index alone (it holds every filter but q), then merged
        StringBuilder sql = new StringBuilder("select r.* from archived_request r join (");
        for (int i = 0; i < months.size(); i++) {
            params.put("month" + i, months.get(i));
            sql.append(i == 0 ? "" : " union all ")
                    .append("(select position from archived_request where received_month = :month").append(i)
                    .append(filters).append(" order by position desc limit :limit)");
        }
        sql.append(") p using (position) order by r.position desc limit :limit");
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /** The first and the last month any record was received in; null for an empty archive. */
    private LocalDate[] receivedMonths() {
        return jdbc.sql("select min(received_month), max(received_month) from archived_request")
                .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .single();
    }

    /**
     * The first days of the months a search by received day covers (an open end is the archive's
     * first or last month); empty for a search without one, and for a range so long that reading the
     * whole archive newest first finds a page as soon.
     */
    static List<LocalDate> months(ArchiveQuery q, java.util.function.Supplier<LocalDate[]> stored) {
        if (q.from() == null && q.to() == null) {
            return List.of();
        }
        LocalDate first = q.from() == null ? null : q.from().withDayOfMonth(1);
        LocalDate last = q.to() == null ? null : q.to().withDayOfMonth(1);
        if (first == null || last == null) {
            LocalDate[] bounds = stored.get();
            if (bounds[0] == null) {
                return List.of();
            }
            first = first == null ? bounds[0] : first;
            last = last == null ? bounds[1] : last;
        }
        if (last.isBefore(first) || first.plusMonths(MAX_MONTHS).isBefore(last)) {
            return List.of();
        }
        List<LocalDate> months = new ArrayList<>();
        for (LocalDate m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static String filters(ArchiveQuery q, OptionalLong after, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (q.authority() != null) {
            sql.append(" and authority_id = :authority");
            params.put("authority", q.authority());
        }
        if (q.company() != null) {
            sql.append(" and company_id = :company");
            params.put("company", q.company());
        }
        if (q.country() != null) {
            sql.append(" and authority_country = :country");
            params.put("country", q.country());
        }
        if (q.type() != null) {
            sql.append(" and type = :type");
            params.put("type", q.type().name());
        }
        if (q.outcome() != null) {
            sql.append(" and outcome = :outcome");
            params.put("outcome", q.outcome());
        }
        if (q.from() != null) {
            sql.append(" and received_at >= :from");
            params.put("from", timestamp(q.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (q.to() != null) {
            sql.append(" and received_at < :to");
            params.put("to", timestamp(q.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (q.q() != null) {
            sql.append(" and search @@ plainto_tsquery('simple', :q)");
            params.put("q", q.q());
        }
        if (after.isPresent()) {
            sql.append(" and position < :after");
            params.put("after", after.getAsLong());
        }
        return sql.toString();
    }

    private PublicRecord map(ResultSet rs, int n) throws SQLException {
        LocalDate periodFrom = rs.getObject("period_from", LocalDate.class);
        LocalDate periodTo = rs.getObject("period_to", LocalDate.class);
        long answerMs = rs.getLong("answer_ms");
        Duration answerTime = rs.wasNull() ? null : Duration.ofMillis(answerMs);
        boolean inTime = rs.getBoolean("answered_in_time");
        Boolean answeredInTime = rs.wasNull() ? null : inTime;
        int items = rs.getInt("disclosed_items");
        Integer disclosed = rs.wasNull() ? null : items;
        EnumSet<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        texts(rs.getArray("data_categories")).forEach(c -> categories.add(DataCategory.valueOf(c)));
        return new PublicRecord(
                rs.getObject("id", UUID.class),
                new PartyRef(rs.getObject("authority_id", UUID.class), rs.getString("authority_name"),
                        trim(rs.getString("authority_country"))),
                new PartyRef(rs.getObject("company_id", UUID.class), rs.getString("company_name"), null),
                RequestType.valueOf(rs.getString("type")),
                new LegalBasis(rs.getString("legal_instrument"), rs.getString("legal_provision"),
                        trim(rs.getString("legal_jurisdiction"))),
                rs.getString("legitimate_aim"),
                categories,
                periodFrom == null && periodTo == null ? null : new DataPeriod(periodFrom, periodTo),
                rs.getBoolean("judicially_authorised"),
                instant(rs, "received_at"),
                instant(rs, "due_at"),
                instant(rs, "answered_at"),
                instant(rs, "action_taken_at"),
                instant(rs, "withdrawn_at"),
                rs.getObject("gag_until", LocalDate.class),
                rs.getString("outcome"),
                texts(rs.getArray("reason_codes")),
                answerTime,
                answeredInTime,
                rs.getBoolean("overdue"),
                disclosed,
                subjects(rs.getString("subjects"), rs.getString("redactions")),
                instant(rs, "published_at"),
                rs.getLong("position"));
    }

    static String subjectsJson(RedactedSubjects subjects) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RedactedSubject s : subjects.subjects()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("kind", s.kind().name());
            one.put("shown", s.shown());
            one.put("domain", s.domain());
            one.put("redactions", s.redactions().stream().map(Enum::name).toList());
            list.add(one);
        }
        return JSON.writeValueAsString(list);
    }

    static String countsJson(Map<RedactionKind, Integer> counts) {
        Map<String, Integer> named = new LinkedHashMap<>();
        counts.forEach((k, v) -> named.put(k.name(), v));
        return JSON.writeValueAsString(named);
    }

    @SuppressWarnings("unchecked")
    private static RedactedSubjects subjects(String subjectsJson, String countsJson) {
        List<RedactedSubject> subjects = new ArrayList<>();
        for (Map<String, Object> one : JSON.readValue(subjectsJson, SUBJECTS)) {
            List<RedactionKind> kinds = ((List<String>) one.getOrDefault("redactions", List.of())).stream()
                    .map(RedactionKind::valueOf).toList();
            subjects.add(new RedactedSubject(SubjectKind.valueOf((String) one.get("kind")), (String) one.get("shown"),
                    (String) one.get("domain"), kinds));
        }
        EnumMap<RedactionKind, Integer> counts = new EnumMap<>(RedactionKind.class);
        JSON.readValue(countsJson, COUNTS).forEach((k, v) -> counts.put(RedactionKind.valueOf(k), v));
        return new RedactedSubjects(subjects, counts);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
