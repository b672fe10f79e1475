package org.parley.request.transparency;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.RequestFigures;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.safeguards.domain.StandardsCatalogue;
import org.parley.request.transparency.domain.ComplianceFigures;
import org.parley.request.transparency.domain.ComplianceFigures.Indicator;
import org.parley.request.transparency.domain.Dimension;
import org.parley.request.transparency.domain.PeriodCover;
import org.parley.request.transparency.domain.RequestReport;
import org.parley.request.transparency.domain.RequestReports;
import org.parley.request.transparency.domain.RollupDeltas;
import org.parley.request.transparency.domain.RollupRow;
import org.parley.request.transparency.domain.RollupStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rollup, kept in step with every change of a request in the change's own transaction, and the
 * public report on requests and the per-company compliance figures, both read from it: the cost of
 * a report grows with the number of cells in its period, not with the number of requests.
 */
@Service
public class TransparencyService implements RequestFigures {

    /** The longest period one report covers. */
    public static final int MAX_DAYS = 3_700;

    private final RollupStore rollups;
    private final StandardsCatalogue standards;

    public TransparencyService(RollupStore rollups, StandardsCatalogue standards) {
        this.rollups = rollups;
        this.standards = standards;
    }

    /** Moves the request's counts from how it was ({@code before}, null for new) to how it is. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(GovernmentRequest before, GovernmentRequest after) {
        rollups.apply(RollupDeltas.between(before, after));
    }

    @Transactional(readOnly = true)
    public RequestReport report(LocalDate from, LocalDate to, List<Dimension> groupBy) {
        requirePeriod(from, to, "from", "to");
        int k = k();
        List<RollupRow> rows = rollups.sum(PeriodCover.of(from, to), null, null);
        Set<UUID> parties = new HashSet<>();
        rows.forEach(row -> {
            parties.add(row.authorityId());
            parties.add(row.companyId());
        });
        return RequestReports.build(from, to, k, groupBy, rows, rollups.names(parties));
    }

    /** One company's measured indicators for [from, to], both days included. */
    @Transactional(readOnly = true)
    public List<Indicator> compliance(UUID company, LocalDate from, LocalDate to) {
        requirePeriod(from, to, "period.from", "period.to");
        return ComplianceFigures.of(rollups.sum(PeriodCover.of(from, to), company, null));
    }

    /**
     * The threshold below which counts are withheld: from the standards in force, or the last seen
     * in force when the catalogue cannot be reached (a public report should not fail for that).
     */
    private int k() {
        try {
            return standards.activeRules().transparencyK();
        } catch (RuntimeException unavailable) {
            return standards.lastKnown().map(RequestRules::transparencyK).orElseThrow(() -> unavailable);
        }
    }

    private static void requirePeriod(LocalDate from, LocalDate to, String fromField, String toField) {
        if (to.isBefore(from)) {
            throw RuleViolation.ofFields(List.of(new FieldError(toField, "must not be before " + fromField)));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw RuleViolation.ofFields(List.of(new FieldError(toField, "the period may cover at most " + MAX_DAYS + " days")));
        }
    }
}
