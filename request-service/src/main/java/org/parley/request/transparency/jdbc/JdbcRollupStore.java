package org.parley.request.transparency.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.request.submission.domain.RequestType;
import org.parley.request.transparency.domain.AnswerTimeHistogram;
import org.parley.request.transparency.domain.PeriodCover;
import org.parley.request.transparency.domain.ReportedOutcome;
import org.parley.request.transparency.domain.RollupDelta;
import org.parley.request.transparency.domain.RollupKey;
import org.parley.request.transparency.domain.RollupRow;
import org.parley.request.transparency.domain.RollupStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcRollupStore implements RollupStore {

    private static final String UPSERT = """
            insert into request_rollup (grain, period_start, authority_id, company_id, type, outcome, authority_country,
                requests, overdue, answered, answered_in_time, answer_hist)
            values (:grain, :start, :authority, :company, :type, :outcome, :country, :requests, :overdue, :answered,
                :inTime, :hist)
            on conflict (grain, period_start, authority_id, company_id, type, outcome) do update set
                requests = request_rollup.requests + excluded.requests,
                overdue = request_rollup.overdue + excluded.overdue,
                answered = request_rollup.answered + excluded.answered,
                answered_in_time = request_rollup.answered_in_time + excluded.answered_in_time
            """;

    private final JdbcClient jdbc;

    public JdbcRollupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<RollupDelta> deltas) {
        for (RollupDelta delta : deltas) {
            RollupKey key = delta.key();
            Long[] histogram = new Long[AnswerTimeHistogram.BUCKETS];
            Arrays.fill(histogram, 0L);
            String sql = UPSERT;
            if (delta.bucket() >= 0) {
                histogram[delta.bucket()] = delta.bucketCount();
                sql += ", answer_hist[:bucket] = request_rollup.answer_hist[:bucket] + :bucketCount";
            }
            JdbcClient.StatementSpec statement = jdbc.sql(sql)
                    .param("grain", key.grain().code())
                    .param("start", key.periodStart())
                    .param("authority", key.authorityId())
                    .param("company", key.companyId())
                    .param("type", key.type().name())
                    .param("outcome", key.outcome().name())
                    .param("country", key.authorityCountry())
                    .param("requests", delta.requests())
                    .param("overdue", delta.overdue())
                    .param("answered", delta.answered())
                    .param("inTime", delta.answeredInTime())
                    .param("hist", histogram);
            if (delta.bucket() >= 0) {
                // PostgreSQL arrays are 1-based
                statement = statement.param("bucket", delta.bucket() + 1).param("bucketCount", delta.bucketCount());
            }
            statement.update();
        }
    }

    @Override
    public List<RollupRow> sum(PeriodCover cover, UUID company, RequestType type) {
        List<String> ranges = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        cover.months().ifPresent(months -> {
            ranges.add("(grain = 'M' and period_start >= :mFrom and period_start < :mUntil)");
            params.put("mFrom", months.from());
            params.put("mUntil", months.until());
        });
        for (int i = 0; i < cover.days().size(); i++) {
            ranges.add("(grain = 'D' and period_start >= :dFrom" + i + " and period_start < :dUntil" + i + ")");
            params.put("dFrom" + i, cover.days().get(i).from());
            params.put("dUntil" + i, cover.days().get(i).until());
        }
        String sql = "select authority_id, authority_country, company_id, type, outcome, requests, overdue, answered,"
                + " answered_in_time, answer_hist from request_rollup where (" + String.join(" or ", ranges) + ")"
                + (company == null ? "" : " and company_id = :company")
                + (type == null ? "" : " and type = :type");
        if (company != null) {
            params.put("company", company);
        }
        if (type != null) {
            params.put("type", type.name());
        }
        Map<CellKey, Accumulator> sums = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
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
            requests += rs.getLong(6);
            overdue += rs.getLong(7);
            long answers = rs.getLong(8);
            answered += answers;
            inTime += rs.getLong(9);
            if (answers != 0) {
                Array array = rs.getArray(10);
                Long[] counts = (Long[]) array.getArray();
                for (int i = 0; i < Math.min(counts.length, histogram.length); i++) {
                    histogram[i] += counts[i];
                }
            }
        }
    }
}
