package org.parley.appeal.transparency.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.appeal.transparency.domain.AppealCounts.Result;
import org.parley.common.transparency.CalendarPeriod;
import org.parley.common.transparency.SmallCounts;
import org.parley.common.transparency.SmallCounts.Figure;
import org.parley.common.transparency.SmallCounts.Publication;

/**
 * Every count the public figures of a year could show (each of its periods that is over × notices by company,
 * ground, category and automation × appeals by company and in total, with the parts that shares reveal), as one
 * table for {@link SmallCounts#publish}: whatever combination of reports someone collects, no count shown as "&lt;k"
 * can be computed from the others. The cells are a month × company × counter (× outcome, or × the notice's kind).
 */
public final class PublishedFigures {

    /** The appeal counts a report shows, and the parts its shares reveal. */
    public enum Count {
        FILED, DECIDED, UPHELD, REVERSED, PARTIALLY_REVERSED, REVERSED_IN_WHOLE_OR_PART, DECIDED_IN_TIME, DUE,
        DUE_DECIDED_IN_TIME, OVERDUE, ESCALATED, INDEPENDENTLY_DECIDED, INDEPENDENTLY_UPHELD, INDEPENDENTLY_REVERSED,
        INDEPENDENTLY_PARTIALLY_REVERSED
    }

    /** A notice row's id: its company and kind in a period. */
    public record NoticeId(CalendarPeriod period, UUID company, String ground, String category, boolean automatedDetection,
            boolean automatedDecision) {}

    /** An appeal count's id; {@code company} null for all companies together. */
    public record AppealId(CalendarPeriod period, UUID company, Count count) {}

    private final Publication publication;

    private PublishedFigures(Publication publication) {
        this.publication = publication;
    }

    /**
     * @param months for each month of the published periods, its notice counts and appeal counts by company
     */
    public static PublishedFigures decide(SmallCounts counts, List<CalendarPeriod> published,
            Map<CalendarPeriod, List<NoticeCount>> notices, Map<CalendarPeriod, Map<UUID, AppealCounts>> months) {
        List<Figure> figures = new ArrayList<>();
        for (CalendarPeriod period : published) {
            Map<NoticeId, Long> noticeValues = new HashMap<>();
            Map<NoticeId, Set<Object>> noticeCells = new HashMap<>();
            Map<AppealId, Long> values = new HashMap<>();
            Map<AppealId, Set<Object>> cells = new HashMap<>();
            for (CalendarPeriod month : period.months()) {
                for (NoticeCount n : notices.getOrDefault(month, List.of())) {
                    NoticeId id = new NoticeId(period, n.company(), n.ground(), n.category(), n.automatedDetection(),
                            n.automatedDecision());
                    noticeValues.merge(id, n.count(), Long::sum);
                    noticeCells.computeIfAbsent(id, x -> new HashSet<>()).add(java.util.Arrays.asList(month, id.company(),
                            id.ground(), id.category(), id.automatedDetection(), id.automatedDecision()));
                }
                months.getOrDefault(month, Map.of()).forEach((company, a) -> {
                    for (UUID who : new UUID[] {company, null}) {
                        for (Count count : Count.values()) {
                            AppealId id = new AppealId(period, who, count);
                            values.merge(id, valueOf(a, count), Long::sum);
                            Set<Object> mine = cells.computeIfAbsent(id, x -> new HashSet<>());
                            cellsOf(count).forEach(counter -> mine.add(List.of(month, company, counter)));
                        }
                    }
                });
            }
            noticeValues.forEach((id, value) -> figures.add(new Figure(id, value, noticeCells.get(id))));
            values.forEach((id, value) -> figures.add(new Figure(id, value, cells.get(id))));
        }
        return new PublishedFigures(counts.publish(figures));
    }

    public Publication publication() {
        return publication;
    }

    /** The counters (cells) a count sums: the outcomes of decisions are each their own. */
    static Set<String> cellsOf(Count count) {
        return switch (count) {
            case DECIDED -> new LinkedHashSet<>(List.of("UPHELD", "REVERSED", "PARTIALLY_REVERSED"));
            case REVERSED_IN_WHOLE_OR_PART -> new LinkedHashSet<>(List.of("REVERSED", "PARTIALLY_REVERSED"));
            case INDEPENDENTLY_DECIDED -> new LinkedHashSet<>(List.of("INDEPENDENTLY_UPHELD", "INDEPENDENTLY_REVERSED",
                    "INDEPENDENTLY_PARTIALLY_REVERSED"));
            default -> Set.of(count.name());
        };
    }

    public static long valueOf(AppealCounts a, Count count) {
        return switch (count) {
            case FILED -> a.filed();
            case DECIDED -> a.decidedTotal();
            case UPHELD -> a.decided(Result.UPHELD);
            case REVERSED -> a.decided(Result.REVERSED);
            case PARTIALLY_REVERSED -> a.decided(Result.PARTIALLY_REVERSED);
            case REVERSED_IN_WHOLE_OR_PART -> a.decided(Result.REVERSED) + a.decided(Result.PARTIALLY_REVERSED);
            case DECIDED_IN_TIME -> a.decidedInTime();
            case DUE -> a.due();
            case DUE_DECIDED_IN_TIME -> a.dueDecidedInTime();
            case OVERDUE -> a.overdue();
            case ESCALATED -> a.escalated();
            case INDEPENDENTLY_DECIDED -> a.independentlyDecidedTotal();
            case INDEPENDENTLY_UPHELD -> a.independentlyDecided(Result.UPHELD);
            case INDEPENDENTLY_REVERSED -> a.independentlyDecided(Result.REVERSED);
            case INDEPENDENTLY_PARTIALLY_REVERSED -> a.independentlyDecided(Result.PARTIALLY_REVERSED);
        };
    }
}
