package org.parley.request.transparency.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.parley.request.shared.domain.RequestType;

/**
 * The public report on government requests for one whole calendar period ({@code period}, from its first to its
 * last day). Counts are strings so that "&lt;k" (a small count) and "withheld" (a figure that would give a small
 * count away) fit; a dimension the report is not broken down by is null in its rows.
 */
public record RequestReport(String period, LocalDate from, LocalDate to, int k, List<Dimension> groupBy, Totals totals,
        List<Row> rows, List<AuthorityRecord> authorities) {

    public record Totals(String requests, String overdue, String answered, Double medianHoursToAnswer,
            Double p90HoursToAnswer) {}

    public record Row(String country, RequestType type, ReportedOutcome outcome, UUID companyId, String company,
            String count, String overdue, Double medianHoursToAnswer, Double p90HoursToAnswer) {}

    /**
     * One authority's record: its volume and the shares refused, challenged and withdrawn.
     * {@code shareReversedOnAppeal} is null: appeal outcomes are recorded by the appeal service.
     */
    public record AuthorityRecord(UUID authorityId, String authority, String country, String requests, String refused,
            String challenged, String withdrawn, Double shareRefused, Double shareChallenged, Double shareWithdrawn,
            Double shareReversedOnAppeal) {}
}
