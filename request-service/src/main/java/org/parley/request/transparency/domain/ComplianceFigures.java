package org.parley.request.transparency.domain;

import java.util.List;
import org.parley.request.shared.domain.RequestType;

/**
 * The measured indicators of how one company answers requests, for the commitments that name them.
 * An indicator with nothing to measure in the period says so (measured = false) rather than 0.
 */
public final class ComplianceFigures {

    public static final String MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS = "MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS";
    public static final String SHARE_OF_REMOVAL_ORDERS_ANSWERED_IN_TIME = "SHARE_OF_REMOVAL_ORDERS_ANSWERED_IN_TIME";
    public static final String OVERDUE_REQUESTS = "OVERDUE_REQUESTS";

    /** One indicator's value over a period. */
    public record Indicator(String code, boolean measured, double value, long sampleSize) {}

    private ComplianceFigures() {}

    /** The indicators from one company's rollup rows of a period. */
    public static List<Indicator> of(List<RollupRow> rows) {
        long[] histogram = new long[AnswerTimeHistogram.BUCKETS];
        long answered = 0;
        long inTime = 0;
        long received = 0;
        long overdue = 0;
        for (RollupRow row : rows) {
            received += row.requests();
            overdue += row.overdue();
            if (row.type() == RequestType.REMOVAL_ORDER) {
                answered += row.answered();
                inTime += row.answeredInTime();
                AnswerTimeHistogram.addInto(histogram, row.histogram());
            }
        }
        Indicator median = answered == 0
                ? new Indicator(MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS, false, 0, 0)
                : new Indicator(MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS, true,
                        Math.round(AnswerTimeHistogram.quantileMinutes(histogram, 0.5) / 60.0 * 100.0) / 100.0, answered);
        Indicator share = answered == 0
                ? new Indicator(SHARE_OF_REMOVAL_ORDERS_ANSWERED_IN_TIME, false, 0, 0)
                : new Indicator(SHARE_OF_REMOVAL_ORDERS_ANSWERED_IN_TIME, true,
                        Math.round(inTime * 10_000.0 / answered) / 10_000.0, answered);
        Indicator late = received == 0
                ? new Indicator(OVERDUE_REQUESTS, false, 0, 0)
                : new Indicator(OVERDUE_REQUESTS, true, overdue, received);
        return List.of(median, share, late);
    }
}
