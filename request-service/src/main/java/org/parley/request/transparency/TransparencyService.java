package org.parley.request.transparency;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;
import org.parley.common.transparency.CalendarPeriod;
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
    private final Map<Integer, Decided> decided = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, ReentrantLock> deciding = new java.util.concurrent.ConcurrentHashMap<>();
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

    /**
     * The public report of one whole calendar period that is over. Its figures are decided together with those of
     * every other period of its year that is over (see {@link RequestReports}), read from the month cells.
     */
    @Transactional(readOnly = true)
    public RequestReport report(CalendarPeriod period, List<Dimension> groupBy, LocalDate today) {
        int k = k();
        List<CalendarPeriod> published = CalendarPeriod.allOf(period.year()).stream().filter(p -> p.hasEnded(today)).toList();
        Map<CalendarPeriod, List<RollupRow>> months = new HashMap<>();
        Set<UUID> parties = new HashSet<>();
        for (CalendarPeriod month : CalendarPeriod.year(period.year()).months()) {
            if (month.hasEnded(today)) {
                List<RollupRow> rows = rollups.sum(PeriodCover.of(month.first(), month.last()), null, null);
                months.put(month, rows);
                rows.forEach(row -> {
                    parties.add(row.authorityId());
                    parties.add(row.companyId());
                });
            }
        }
        // deciding a year is the costly part; the same counts give the same decision, so it is kept until they change
        List<Object> key = List.of(period.year(), k, published, fingerprint(months));
        Decided decided = this.decided.get(period.year());
        if (decided == null || !decided.key().equals(key)) {
            // one decision at a time per year: readers who come meanwhile wait for it rather than each making it again
            ReentrantLock lock = deciding.computeIfAbsent(period.year(), year -> new ReentrantLock());
            lock.lock();
            try {
                decided = this.decided.get(period.year());
                if (decided == null || !decided.key().equals(key)) {
                    decided = new Decided(key, RequestReports.decide(published, k, months, rollups.names(parties)));
                    this.decided.put(period.year(), decided);
                }
            } finally {
                lock.unlock();
            }
        }
        return decided.year().report(period, groupBy);
    }

    private record Decided(List<Object> key, RequestReports.Year year) {}

    /**
     * What the decision depends on: every count of every month (histograms only move medians, not the decision),
     * as a set, so that the order rows come in does not matter and nothing needs sorting.
     */
    private static Set<List<Object>> fingerprint(Map<CalendarPeriod, List<RollupRow>> months) {
        Set<List<Object>> rows = new HashSet<>();
        months.forEach((month, list) -> list.forEach(r -> rows.add(List.of(month, r.authorityId(), r.authorityCountry(),
                r.companyId(), r.type(), r.outcome(), r.requests(), r.overdue(), r.answered()))));
        return rows;
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
