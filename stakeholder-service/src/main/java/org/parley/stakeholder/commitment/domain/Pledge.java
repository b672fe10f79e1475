package org.parley.stakeholder.commitment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.check.FieldCheck;
import org.parley.stakeholder.framework.domain.Framework;
import org.parley.stakeholder.indicator.domain.Indicator;
import org.parley.stakeholder.registry.domain.StakeholderKind;

/** A stakeholder's pledge of a clause as sent, checked against the framework and today's date. */
public record Pledge(String frameworkId, String clauseNumber, LocalDate targetDate, Indicator indicator, Double targetValue) {

    /** Target dates further out than this are not a plan. */
    public static final int MAX_YEARS_AHEAD = 10;

    /**
     * The new PLEDGED commitment; a RuleViolation naming every broken field.
     *
     * @param framework the framework named by {@code frameworkId}, if it exists
     */
    public Commitment pledge(UUID id, UUID stakeholderId, StakeholderKind kind, Optional<Framework> framework,
            LocalDate today, Instant now) {
        FieldCheck check = FieldCheck.start();
        if (check.required("frameworkId", frameworkId) && framework.isEmpty()) {
            check.add("frameworkId", "is not a published framework");
        }
        if (check.text("clauseNumber", clauseNumber, 20) && framework.isPresent()
                && framework.get().clause(clauseNumber.strip()).isEmpty()) {
            check.add("clauseNumber", "is not a clause of " + framework.get().name());
        }
        checkTargetDate(check, targetDate, today);
        Optional<IndicatorPledge> pledged = checkIndicator(check, indicator, targetValue, kind);
        check.orThrow();
        return new Commitment(id, stakeholderId, framework.orElseThrow().id(), clauseNumber.strip(), CommitmentStatus.PLEDGED,
                targetDate, pledged, now, now, 0);
    }

    static void checkTargetDate(FieldCheck check, LocalDate targetDate, LocalDate today) {
        if (!check.required("targetDate", targetDate)) {
            return;
        }
        if (targetDate.isBefore(today)) {
            check.add("targetDate", "must not be in the past");
        } else if (targetDate.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            check.add("targetDate", "must be within " + MAX_YEARS_AHEAD + " years");
        }
    }

    static Optional<IndicatorPledge> checkIndicator(FieldCheck check, Indicator indicator, Double targetValue,
            StakeholderKind kind) {
        if (indicator == null) {
            if (targetValue != null) {
                check.add("targetValue", "needs an indicator");
            }
            return Optional.empty();
        }
        if (kind != StakeholderKind.COMPANY) {
            check.add("indicator", "is measured from a company's records; a " + kind + " cannot pledge one");
            return Optional.empty();
        }
        if (indicator == Indicator.APPEAL_DECISION_DAYS) {
            if (check.required("targetValue", targetValue)) {
                check.range("targetValue", targetValue, 1, Indicator.MAX_APPEAL_DECISION_DAYS);
            }
        } else if (targetValue != null && (targetValue < 0 || targetValue.isNaN() || targetValue.isInfinite()
                || targetValue > 1_000_000)) {
            check.add("targetValue", "must be a number from 0 to 1000000");
        }
        return Optional.of(new IndicatorPledge(indicator, targetValue));
    }
}
