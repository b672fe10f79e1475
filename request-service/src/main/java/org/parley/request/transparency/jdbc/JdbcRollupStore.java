package org.parley.request.transparency.jdbc;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.transparency.domain.AnswerTimeHistogram;
import org.parley.request.transparency.domain.Grain;
import org.parley.request.transparency.domain.PeriodCover;
import org.parley.request.transparency.domain.ReportedOutcome;
import org.parley.request.transparency.domain.RollupDelta;
import org.parley.request.transparency.domain.RollupKey;
import org.parley.request.transparency.domain.RollupRow;
import org.parley.request.transparency.domain.RollupStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rollup in PostgreSQL: one partition per grain; each cell's answer-time histogram is
 * {@link AnswerTimeHistogram#BUCKETS} big-endian int4 counters in a bytea, incremented in place.
 */
@Repository
public class JdbcRollupStore implements RollupStore {

    /** Bytes per histogram counter. */
    static final int COUNTER = 4;

    /**
     * How many rows a cell is spread over: a transaction counts into the stripe of its connection, so that
     * concurrent submissions of one authority, company and type rarely wait on each other's rows (see
     * V8__rollup_striped.sql). A cell is the sum of its stripes; {@link RollupFolding} folds those of
     * ended periods back into one.
     */
    static final int STRIPES = 16;

    private static final String UPSERT = """
            insert into request_rollup (grain, period_start, authority_id, company_id, type, outcome, stripe,
                authority_country, requests, overdue, answered, answered_in_time, answer_hist)
            values (:grain, :start, :authority, :company, :type, :outcome, pg_backend_pid() % :stripes, :country,
                :requests, :overdue, :answered, :inTime, :hist)
            on conflict (grain, period_start, authority_id, company_id, type, outcome, stripe) do update set
                requests = request_rollup.requests + excluded.requests,
                overdue = request_rollup.overdue + excluded.overdue,
                answered = request_rollup.answered + excluded.answered,
                answered_in_time = request_rollup.answered_in_time + excluded.answered_in_time
            """;

    /** Adds :bucketCount to the counter at byte :position (1-based) of the stored histogram. */
    private static final String BUCKET = """
            , answer_hist = overlay(request_rollup.answer_hist placing int4send(
                ('x' || encode(substring(request_rollup.answer_hist from :position for 4), 'hex'))::bit(32)::int
                    + :bucketCount) from :position for 4)
            """;

    /**
     * Order-free: the number of cells and the sum of a 64-bit hash of each cell with its counts. A changed count
     * changes its cell's hash and so the sum, but for a chance of 2^-64; no sort, no rows sent.
     */
    private static final String MONTH_CELLS_DIGEST = """
            select count(*) || ':' || coalesce(sum(hashtextextended(concat_ws('|', period_start, authority_id,
                    authority_country, company_id, type, outcome, requests, overdue, answered), 0)::numeric), 0)
            from (select period_start, authority_id, authority_country, company_id, type, outcome,
                         sum(requests) as requests, sum(overdue) as overdue, sum(answered) as answered
                  from request_rollup
                  where grain = :grain and period_start >= :from and period_start < :until
                  group by period_start, authority_id, authority_country, company_id, type, outcome) as cells
            """;

    private final JdbcClient jdbc;

    public JdbcRollupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<RollupDelta> deltas) {
        for (RollupDelta delta : deltas) {
            RollupKey key = delta.key();
            boolean bucket = delta.bucket() >= 0 && delta.bucketCount() != 0;
            JdbcClient.StatementSpec statement = jdbc.sql(bucket ? UPSERT + BUCKET : UPSERT)
                    .param("grain", key.grain().code())
                    .param("start", key.periodStart())
                    .param("authority", key.authorityId())
                    .param("company", key.companyId())
                    .param("type", key.type().name())
                    .param("outcome", key.outcome().name())
                    .param("stripes", STRIPES)
                    .param("country", key.authorityCountry())
                    .param("requests", delta.requests())
                    .param("overdue", delta.overdue())
                    .param("answered", delta.answered())
                    .param("inTime", delta.answeredInTime())
                    .param("hist", histogram(bucket ? delta.bucket() : -1, delta.bucketCount()));
            if (bucket) {
                statement = statement.param("position", delta.bucket() * COUNTER + 1)
                        .param("bucketCount", Math.toIntExact(delta.bucketCount()));
            }
            statement.update();
        }
    }

    /** A histogram with one counter set, as stored: big-endian int4 counters. */
    public static byte[] histogram(int bucket, long count) {
        ByteBuffer bytes = ByteBuffer.allocate(AnswerTimeHistogram.BUCKETS * COUNTER);
        if (bucket >= 0) {
            bytes.putInt(bucket * COUNTER, Math.toIntExact(count));
        }
        return bytes.array();
    }

    /** Adds a stored histogram into counts. */
    public static void addInto(long[] counts, byte[] stored) {
        addInto(counts, stored, 1);
    }

    /** Adds (sign +1) or subtracts (-1) a stored histogram. */
    static void addInto(long[] counts, byte[] stored, int sign) {
        ByteBuffer bytes = ByteBuffer.wrap(stored);
        for (int i = 0; i < Math.min(counts.length, stored.length / COUNTER); i++) {
            counts[i] += sign * bytes.getInt(i * COUNTER);
        }
    }

    @Override
    public List<RollupRow> sum(PeriodCover cover, UUID company, RequestType type) {
        Map<String, Object> params = new HashMap<>();
        List<String> added = new ArrayList<>();
        List<String> subtracted = new ArrayList<>();
        for (int i = 0; i < cover.spans().size(); i++) {
            PeriodCover.Span span = cover.spans().get(i);
            (span.sign() > 0 ? added : subtracted).add("(grain = '" + span.grain().code() + "' and period_start >= :from" + i
                    + " and period_start < :until" + i + ")");
            params.put("from" + i, span.from());
            params.put("until" + i, span.until());
        }
        if (company != null) {
            params.put("company", company);
        }
        if (type != null) {
            params.put("type", type.name());
        }
        List<String> selects = new ArrayList<>();
        if (!added.isEmpty()) {
            selects.add(select(1, added, company, type));
        }
        if (!subtracted.isEmpty()) {
            selects.add(select(-1, subtracted, company, type));
        }
        if (selects.isEmpty()) {
            return List.of();
        }
        Map<CellKey, Accumulator> sums = new HashMap<>();
        jdbc.sql(String.join(" union all ", selects)).params(params).query(rs -> {
            CellKey key = new CellKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                    rs.getString(4), rs.getString(5));
            sums.computeIfAbsent(key, k -> new Accumulator()).add(rs);
        });
        List<RollupRow> rows = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> rows.add(new RollupRow(key.authority(), key.country(), key.company(),
                RequestType.valueOf(key.type()), ReportedOutcome.valueOf(key.outcome()), sum.requests, sum.overdue,
                sum.answered, sum.inTime, sum.histogram)));
        return rows;
    }

    private static String select(int sign, List<String> ranges, UUID company, RequestType type) {
        return "select authority_id, authority_country, company_id, type, outcome, requests, overdue, answered,"
                + " answered_in_time, answer_hist, " + sign + " as sign from request_rollup where ("
                + String.join(" or ", ranges) + ")"
                + (company == null ? "" : " and company_id = :company")
                + (type == null ? "" : " and type = :type");
    }

    @Override
    public String monthCellsDigest(LocalDate from, LocalDate until) {
        return jdbc.sql(MONTH_CELLS_DIGEST).param("grain", Grain.MONTH.code()).param("from", from).param("until", until)
                .query(String.class).single();
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from party where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    private record CellKey(UUID authority, String country, UUID company, String type, String outcome) {}

    private static final class Accumulator {
        long requests;
        long overdue;
        long answered;
        long inTime;
        final long[] histogram = new long[AnswerTimeHistogram.BUCKETS];

        void add(ResultSet rs) throws SQLException {
            int sign = rs.getInt(11);
            requests += sign * rs.getLong(6);
            overdue += sign * rs.getLong(7);
            long answers = rs.getLong(8);
            answered += sign * answers;
            inTime += sign * rs.getLong(9);
            if (answers != 0) {
                addInto(histogram, rs.getBytes(10), sign);
            }
        }
    }
}
