package org.parley.request.transparency.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.parley.common.transparency.SmallCounts;
import org.parley.request.shared.domain.RequestType;

/** Builds the public report from the rollup rows of a period. */
public final class RequestReports {

    private RequestReports() {}

    public static RequestReport build(LocalDate from, LocalDate to, int k, List<Dimension> groupBy, List<RollupRow> rows,
            Map<UUID, String> names) {
        SmallCounts counts = SmallCounts.published(k);
        Map<List<Object>, Sum> groups = new LinkedHashMap<>();
        Map<UUID, AuthoritySum> authorities = new LinkedHashMap<>();
        Sum total = new Sum(null);
        for (RollupRow row : rows) {
            List<Object> key = new ArrayList<>(4);
            key.add(groupBy.contains(Dimension.COUNTRY) ? row.authorityCountry() : null);
            key.add(groupBy.contains(Dimension.TYPE) ? row.type() : null);
            key.add(groupBy.contains(Dimension.OUTCOME) ? row.outcome() : null);
            key.add(groupBy.contains(Dimension.COMPANY) ? row.companyId() : null);
            groups.computeIfAbsent(key, Sum::new).add(row);
            total.add(row);
            authorities.computeIfAbsent(row.authorityId(), id -> new AuthoritySum(id, row.authorityCountry())).add(row);
        }
        List<RequestReport.Row> out = groups.values().stream()
                .filter(sum -> sum.requests > 0)
                .map(sum -> sum.toRow(counts, names))
                .sorted(Comparator.comparing((RequestReport.Row r) -> nz(r.country()))
                        .thenComparing(r -> r.type() == null ? "" : r.type().name())
                        .thenComparing(r -> r.outcome() == null ? -1 : r.outcome().ordinal())
                        .thenComparing(r -> nz(r.company())))
                .toList();
        List<RequestReport.AuthorityRecord> records = authorities.values().stream()
                .filter(a -> a.requests > 0)
                .map(a -> a.toRecord(counts, names))
                .sorted(Comparator.comparing((RequestReport.AuthorityRecord r) -> nz(r.country()))
                        .thenComparing(r -> nz(r.authority())))
                .toList();
        RequestReport.Totals totals = new RequestReport.Totals(counts.show(total.requests),
                counts.show(total.overdue), counts.show(total.answered),
                hours(total.histogram, 0.5, counts), hours(total.histogram, 0.9, counts));
        return new RequestReport(from, to, k, List.copyOf(groupBy), totals, out, records);
    }

    /** A quantile in hours (two decimals) when enough answers were counted to publish it, else null. */
    static Double hours(long[] histogram, double q, SmallCounts counts) {
        if (!counts.mayShowFiguresOver(AnswerTimeHistogram.total(histogram))) {
            return null;
        }
        return Math.round(AnswerTimeHistogram.quantileMinutes(histogram, q) / 60.0 * 100.0) / 100.0;
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static final class Sum {
        final List<Object> key;
        long requests;
        long overdue;
        long answered;
        final long[] histogram = new long[AnswerTimeHistogram.BUCKETS];

        Sum(List<Object> key) {
            this.key = key;
        }

        void add(RollupRow row) {
            requests += row.requests();
            overdue += row.overdue();
            answered += row.answered();
            AnswerTimeHistogram.addInto(histogram, row.histogram());
        }

        RequestReport.Row toRow(SmallCounts counts, Map<UUID, String> names) {
            UUID company = (UUID) key.get(3);
            String country = (String) key.get(0);
            return new RequestReport.Row(country == null ? null : country, (RequestType) key.get(1),
                    (ReportedOutcome) key.get(2), company, company == null ? null : names.getOrDefault(company, company.toString()),
                    counts.show(requests), counts.show(overdue), hours(histogram, 0.5, counts),
                    hours(histogram, 0.9, counts));
        }
    }

    private static final class AuthoritySum {
        final UUID id;
        final String country;
        long requests;
        long refused;
        long challenged;
        long withdrawn;

        AuthoritySum(UUID id, String country) {
            this.id = id;
            this.country = country;
        }

        void add(RollupRow row) {
            requests += row.requests();
            switch (row.outcome()) {
                case REJECTED -> refused += row.requests();
                case CHALLENGED -> challenged += row.requests();
                case WITHDRAWN -> withdrawn += row.requests();
                default -> { }
            }
        }

        RequestReport.AuthorityRecord toRecord(SmallCounts counts, Map<UUID, String> names) {
            return new RequestReport.AuthorityRecord(id, Objects.requireNonNullElse(names.get(id), id.toString()),
                    country.isEmpty() ? null : country, counts.show(requests), counts.show(refused),
                    counts.show(challenged), counts.show(withdrawn),
                    counts.share(refused, requests), counts.share(challenged, requests),
                    counts.share(withdrawn, requests), null);
        }
    }
}
