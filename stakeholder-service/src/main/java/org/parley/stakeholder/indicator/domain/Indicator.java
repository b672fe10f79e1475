package org.parley.stakeholder.indicator.domain;

import org.parley.stakeholder.indicator.domain.MetricsSource.Source;

/**
 * What a company's commitment may be measured by. The platform computes each one from another
 * service's records; nobody types the number in.
 */
public enum Indicator {
    MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS(Source.REQUESTS, Unit.HOURS),
    SHARE_OF_REMOVAL_ORDERS_ANSWERED_IN_TIME(Source.REQUESTS, Unit.SHARE),
    OVERDUE_REQUESTS(Source.REQUESTS, Unit.COUNT),
    SHARE_OF_APPEALS_DECIDED_IN_TIME(Source.APPEALS, Unit.SHARE),
    MEDIAN_DAYS_TO_APPEAL_DECISION(Source.APPEALS, Unit.DAYS),
    APPEAL_REVERSAL_RATE(Source.APPEALS, Unit.SHARE),
    /**
     * A pledge to decide users' appeals within a number of days (the commitment's target value).
     * appeal-service reads the committed time to decide when an appeal is late, and measures the
     * pledge as the share of appeals decided within it.
     */
    APPEAL_DECISION_DAYS(Source.APPEALS, Unit.SHARE) {
        @Override
        public String measuredAs() {
            return SHARE_OF_APPEALS_DECIDED_IN_TIME.name();
        }

        @Override
        public boolean needsTarget() {
            return true;
        }

        @Override
        public Unit targetUnit() {
            return Unit.DAYS;
        }
    };

    /** Longest appeal decision time a company may commit to; the DSA asks for a "timely" decision. */
    public static final int MAX_APPEAL_DECISION_DAYS = 180;

    private final Source source;
    private final Unit unit;

    Indicator(Source source, Unit unit) {
        this.source = source;
        this.unit = unit;
    }

    public Source source() {
        return source;
    }

    /** The unit of the measured value. */
    public Unit unit() {
        return unit;
    }

    /** The unit of a pledged target value: the measured one, except where the pledge is of another kind. */
    public Unit targetUnit() {
        return unit;
    }

    /** The code the source computes for this indicator. */
    public String measuredAs() {
        return name();
    }

    /** Whether a pledge of it must name a target value. */
    public boolean needsTarget() {
        return false;
    }

    public enum Unit { HOURS, DAYS, SHARE, COUNT }
}
