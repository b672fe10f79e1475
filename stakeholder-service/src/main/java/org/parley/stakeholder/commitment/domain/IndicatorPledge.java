package org.parley.stakeholder.commitment.domain;

import org.parley.stakeholder.indicator.domain.Indicator;

/**
 * The measured indicator a commitment names, and the value it pledges, if any (for
 * {@link Indicator#APPEAL_DECISION_DAYS}, the number of days).
 */
public record IndicatorPledge(Indicator indicator, Double targetValue) {}
