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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
    /** One short read-only transaction for a year's cells: the decision itself holds no connection. */
    private final TransactionTemplate readCells;

    public TransparencyService(RollupStore rollups, StandardsCatalogue standards, PlatformTransactionManager transactions) {
        this.rollups = rollups;
        this.standards = standards;
        this.readCells = new TransactionTemplate(transactions);
        readCells.setReadOnly(true);
    }

    /** Moves the request's counts from how it was ({@code before}, null for new) to how it is. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(GovernmentRequest before, GovernmentRequest after) {
        rollups.apply(RollupDeltas.between(before, after));
    }

    /**
     * The public report of one whole calendar period that is over. Its figures are decided together with those of
     * every other period of its year that is over (see {@link RequestReports}), read from the month cells. Not in a
     * transaction: deciding a year can take seconds, and readers who wait for it should not hold connections the
     * writers need.
     */
    public RequestReport report(CalendarPeriod period, List<Dimension> groupBy, LocalDate today) {
        int year = period.year();
        int k = k();
        List<CalendarPeriod> published = CalendarPeriod.allOf(year).stream().filter(p -> p.hasEnded(today)).toList();
        List<CalendarPeriod> months = CalendarPeriod.year(year).months().stream().filter(m -> m.hasEnded(today)).toList();
        // deciding a year is the costly part; the same counts give the same decision, so it is kept until they change
        Decided decided = this.decided.get(year);
        if (decided == null || !decided.key().equals(key(year, k, published, months))) {
            // one decision at a time per year: readers who come meanwhile wait for it rather than each making it again
            ReentrantLock lock = deciding.computeIfAbsent(year, y -> new ReentrantLock());
            lock.lock();
            try {
                // read before the cells: a change committed in between is then decided on, and seen as new next time
                List<Object> key = key(year, k, published, months);
                decided = this.decided.get(year);
                if (decided == null || !decided.key().equals(key)) {
                    decided = new Decided(key, decide(k, published, months));
                    this.decided.put(year, decided);
                }
            } finally {
                lock.unlock();
            }
        }
        return decided.year().report(period, groupBy);
    }

    private record Decided(List<Object> key, RequestReports.Year year) {}

    /**
     * What the decision depends on: the threshold, the periods published, and every count of every month over
     * (histograms only move medians, not the decision), as one digest read in SQL: a report asked again reads no cell.
     */
    private List<Object> key(int year, int k, List<CalendarPeriod> published, List<CalendarPeriod> months) {
        String counts = months.isEmpty() ? "" : rollups.monthCellsDigest(months.getFirst().first(), months.getLast().end());
        return List.of(year, k, published, counts);
    }

    private RequestReports.Year decide(int k, List<CalendarPeriod> published, List<CalendarPeriod> months) {
        Map<CalendarPeriod, List<RollupRow>> cells = new HashMap<>();
        Map<UUID, String> names = readCells.execute(status -> {
            Set<UUID> parties = new HashSet<>();
            for (CalendarPeriod month : months) {
                List<RollupRow> rows = rollups.sum(PeriodCover.of(month.first(), month.last()), null, null);
                cells.put(month, rows);
                rows.forEach(row -> {
                    parties.add(row.authorityId());
                    parties.add(row.companyId());
                });
            }
            return rollups.names(parties);
        });
        return RequestReports.decide(published, k, cells, names);
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
