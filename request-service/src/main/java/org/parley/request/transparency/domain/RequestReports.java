package org.parley.request.transparency.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.parley.common.transparency.CalendarPeriod;
import org.parley.common.transparency.SmallCounts;
import org.parley.common.transparency.SmallCounts.Figure;
import org.parley.common.transparency.SmallCounts.Publication;
import org.parley.request.shared.domain.RequestType;

/**
 * Builds the public report of one whole calendar period. Every figure the API could publish for the year of that
 * period (each of its periods that is over × every breakdown, the totals and the authority records) is one table
 * for {@link SmallCounts#publish}: so whatever combination of reports someone collects, no count shown as "&lt;k"
 * can be computed from the others. The cells of that table are a month × authority × company × type × outcome.
 */
public final class RequestReports {

    /** The outcomes of a request the company answered: the totals' {@code answered} sums these cells. */
    static final Set<ReportedOutcome> ANSWERED = EnumSet.of(ReportedOutcome.FULFILLED,
            ReportedOutcome.PARTIALLY_FULFILLED, ReportedOutcome.REJECTED, ReportedOutcome.CHALLENGED);

    private RequestReports() {}

    /** One cell of the finest grain: what each published count is a sum of. */
    record Cell(String measure, CalendarPeriod month, UUID authority, String country, UUID company, RequestType type,
            ReportedOutcome outcome) {}

    /** A figure of the table: a period, which table and row, which measure. */
    record FigureId(CalendarPeriod period, String table, Object row, String measure) {}

    /** The report of one period: {@link #decide} for its year, then {@link Year#report}. */
    public static RequestReport build(CalendarPeriod period, List<CalendarPeriod> published, int k,
            List<Dimension> groupBy, Map<CalendarPeriod, List<RollupRow>> months, Map<UUID, String> names) {
        return decide(published, k, months, names).report(period, groupBy);
    }

    /**
     * Decides every figure of a year at once.
     *
     * @param published the periods of the year whose figures are published (those that are over)
     * @param months    the rollup rows of each month of those periods
     */
    public static Year decide(List<CalendarPeriod> published, int k, Map<CalendarPeriod, List<RollupRow>> months,
            Map<UUID, String> names) {
        SmallCounts counts = SmallCounts.published(k);
        List<Figure> figures = new ArrayList<>();
        Map<CalendarPeriod, Tally> tallies = new LinkedHashMap<>();
        for (CalendarPeriod p : published) {
            Tally tally = new Tally(p);
            for (CalendarPeriod month : p.months()) {
                months.getOrDefault(month, List.of()).forEach(row -> tally.add(month, row));
            }
            tally.figures(figures);
            tallies.put(p, tally);
        }
        return new Year(k, counts, counts.publish(figures), tallies, names);
    }

    /** The figures of a year as decided: any of its published periods, in any breakdown. */
    public static final class Year {
        private final int k;
        private final SmallCounts counts;
        private final Publication publication;
        private final Map<CalendarPeriod, Tally> tallies;
        private final Map<UUID, String> names;

        Year(int k, SmallCounts counts, Publication publication, Map<CalendarPeriod, Tally> tallies,
                Map<UUID, String> names) {
            this.k = k;
            this.counts = counts;
            this.publication = publication;
            this.tallies = tallies;
            this.names = names;
        }

        public RequestReport report(CalendarPeriod period, List<Dimension> groupBy) {
            Tally tally = tallies.get(period);
            if (tally == null) {
                throw new IllegalArgumentException(period + " is not among the published periods");
            }
            int mask = mask(groupBy);
            List<RequestReport.Row> out = tally.groups.getOrDefault(mask, Map.of()).values().stream()
                    .filter(sum -> sum.requests > 0)
                    .map(sum -> sum.toRow(period, publication, counts, names))
                    .sorted(Comparator.comparing((RequestReport.Row r) -> nz(r.country()))
                            .thenComparing(r -> r.type() == null ? "" : r.type().name())
                            .thenComparing(r -> r.outcome() == null ? -1 : r.outcome().ordinal())
                            .thenComparing(r -> nz(r.company())))
                    .toList();
            List<RequestReport.AuthorityRecord> records = tally.authorities.values().stream()
                    .filter(a -> a.requests > 0)
                    .map(a -> a.toRecord(period, publication, names))
                    .sorted(Comparator.comparing((RequestReport.AuthorityRecord r) -> nz(r.country()))
                            .thenComparing(r -> nz(r.authority())))
                    .toList();
            Sum total = tally.total();
            FigureId requests = new FigureId(period, "rows", total.key, "requests");
            RequestReport.Totals totals = new RequestReport.Totals(publication.show(requests),
                    publication.show(new FigureId(period, "rows", total.key, "overdue")),
                    publication.show(new FigureId(period, "totals", null, "answered")),
                    hours(total.histogram, 0.5, publication.isExact(requests), counts),
                    hours(total.histogram, 0.9, publication.isExact(requests), counts));
            return new RequestReport(period.toString(), period.first(), period.last(), k, List.copyOf(groupBy), totals,
                    out, records);
        }
    }

    /** A quantile in hours (two decimals) when its row is shown and enough answers were counted, else null. */
    static Double hours(long[] histogram, double q, boolean rowShown, SmallCounts counts) {
        if (!rowShown || !counts.mayShowFiguresOver(AnswerTimeHistogram.total(histogram))) {
            return null;
        }
        return Math.round(AnswerTimeHistogram.quantileMinutes(histogram, q) / 60.0 * 100.0) / 100.0;
    }

    /** The breakdown as a bit set: country 1, type 2, outcome 4, company 8. */
    static int mask(List<Dimension> groupBy) {
        int mask = 0;
        for (Dimension d : groupBy) {
            mask |= 1 << d.ordinal();
        }
        return mask;
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    /** Every breakdown, the totals and the authority records of one period, with the cells each figure sums. */
    private static final class Tally {
        final CalendarPeriod period;
        final Map<Integer, Map<List<Object>, Sum>> groups = new LinkedHashMap<>();
        final Map<UUID, AuthoritySum> authorities = new LinkedHashMap<>();
        final Set<Cell> answered = new HashSet<>();
        long answeredCount;

        Tally(CalendarPeriod period) {
            this.period = period;
        }

        void add(CalendarPeriod month, RollupRow row) {
            for (int mask = 0; mask < 1 << Dimension.values().length; mask++) {
                List<Object> key = new ArrayList<>(4);
                key.add((mask & 1) != 0 ? row.authorityCountry() : null);
                key.add((mask & 2) != 0 ? row.type() : null);
                key.add((mask & 4) != 0 ? row.outcome() : null);
                key.add((mask & 8) != 0 ? row.companyId() : null);
                groups.computeIfAbsent(mask, m -> new LinkedHashMap<>()).computeIfAbsent(key, Sum::new).add(month, row);
            }
            authorities.computeIfAbsent(row.authorityId(), id -> new AuthoritySum(id, row.authorityCountry())).add(month, row);
            if (ANSWERED.contains(row.outcome())) {
                answered.add(cell("requests", month, row));
                answeredCount += row.answered();
            }
        }

        Sum total() {
            return groups.getOrDefault(0, Map.of()).values().stream().findFirst().orElseGet(() -> new Sum(nulls()));
        }

        void figures(List<Figure> figures) {
            groups.values().forEach(rows -> rows.values().forEach(sum -> {
                figures.add(new Figure(new FigureId(period, "rows", sum.key, "requests"), sum.requests, sum.requestCells));
                figures.add(new Figure(new FigureId(period, "rows", sum.key, "overdue"), sum.overdue, sum.overdueCells));
            }));
            Sum total = total();
            figures.add(new Figure(new FigureId(period, "rows", total.key, "requests"), total.requests, total.requestCells));
            figures.add(new Figure(new FigureId(period, "rows", total.key, "overdue"), total.overdue, total.overdueCells));
            figures.add(new Figure(new FigureId(period, "totals", null, "answered"), answeredCount, answered));
            authorities.values().forEach(a -> a.figures(period, figures));
        }
    }

    private static List<Object> nulls() {
        List<Object> key = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            key.add(null);
        }
        return key;
    }

    static Cell cell(String measure, CalendarPeriod month, RollupRow row) {
        return new Cell(measure, month, row.authorityId(), row.authorityCountry(), row.companyId(), row.type(), row.outcome());
    }

    private static final class Sum {
        final List<Object> key;
        long requests;
        long overdue;
        final Set<Cell> requestCells = new HashSet<>();
        final Set<Cell> overdueCells = new HashSet<>();
        final long[] histogram = new long[AnswerTimeHistogram.BUCKETS];

        Sum(List<Object> key) {
            this.key = key;
        }

        void add(CalendarPeriod month, RollupRow row) {
            requests += row.requests();
            overdue += row.overdue();
            requestCells.add(cell("requests", month, row));
            overdueCells.add(cell("overdue", month, row));
            AnswerTimeHistogram.addInto(histogram, row.histogram());
        }

        RequestReport.Row toRow(CalendarPeriod period, Publication publication, SmallCounts counts,
                Map<UUID, String> names) {
            UUID company = (UUID) key.get(3);
            FigureId count = new FigureId(period, "rows", key, "requests");
            boolean shown = publication.isExact(count);
            return new RequestReport.Row((String) key.get(0), (RequestType) key.get(1), (ReportedOutcome) key.get(2),
                    company, company == null ? null : names.getOrDefault(company, company.toString()),
                    publication.show(count), publication.show(new FigureId(period, "rows", key, "overdue")),
                    hours(histogram, 0.5, shown, counts), hours(histogram, 0.9, shown, counts));
        }
    }

    private static final class AuthoritySum {
        final UUID id;
        final String country;
        long requests;
        final Map<String, Long> byOutcome = new LinkedHashMap<>();
        final Map<String, Set<Cell>> cells = new LinkedHashMap<>();

        AuthoritySum(UUID id, String country) {
            this.id = id;
            this.country = country;
            for (String part : List.of("requests", "refused", "challenged", "withdrawn")) {
                byOutcome.put(part, 0L);
                cells.put(part, new HashSet<>());
            }
        }

        void add(CalendarPeriod month, RollupRow row) {
            requests += row.requests();
            count("requests", month, row);
            switch (row.outcome()) {
                case REJECTED -> count("refused", month, row);
                case CHALLENGED -> count("challenged", month, row);
                case WITHDRAWN -> count("withdrawn", month, row);
                default -> { }
            }
        }

        private void count(String part, CalendarPeriod month, RollupRow row) {
            byOutcome.merge(part, row.requests(), Long::sum);
            cells.get(part).add(cell("requests", month, row));
        }

        void figures(CalendarPeriod period, List<Figure> figures) {
            byOutcome.forEach((part, value) -> figures.add(new Figure(id(period, part), value, cells.get(part))));
        }

        FigureId id(CalendarPeriod period, String part) {
            return new FigureId(period, "authorities", id, part);
        }

        RequestReport.AuthorityRecord toRecord(CalendarPeriod period, Publication publication, Map<UUID, String> names) {
            FigureId all = id(period, "requests");
            return new RequestReport.AuthorityRecord(id, Objects.requireNonNullElse(names.get(id), id.toString()),
                    country.isEmpty() ? null : country, publication.show(all), publication.show(id(period, "refused")),
                    publication.show(id(period, "challenged")), publication.show(id(period, "withdrawn")),
                    publication.share(id(period, "refused"), all), publication.share(id(period, "challenged"), all),
                    publication.share(id(period, "withdrawn"), all), null);
        }
    }
}
