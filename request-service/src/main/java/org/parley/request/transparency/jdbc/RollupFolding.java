package org.parley.request.transparency.jdbc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.parley.common.sweep.BatchSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the stripes of a cell whose period has ended back into stripe 0 (see {@link JdbcRollupStore#STRIPES}):
 * new submissions no longer count into it, so its stripes only cost reads. Each cell is folded by one statement
 * of its own, which moves the other stripes' sums into stripe 0 and deletes them, so a count is never lost nor
 * counted twice, whatever else writes the cell meanwhile (a late answer counts into an ended day too) and
 * however many instances fold at once: rows one instance moved are gone for the other.
 */
@Component
public class RollupFolding {

    private static final Logger log = LoggerFactory.getLogger(RollupFolding.class);
    /** Cells found per round; each is folded on its own. */
    static final int BATCH = 200;

    private static final String ENDED_CELLS = """
            select grain, period_start, authority_id, company_id, type, outcome from request_rollup
            where stripe <> 0 and (grain = 'D' and period_start < :day or grain = 'M' and period_start < :month
                or grain = 'Y' and period_start < :year)
            group by grain, period_start, authority_id, company_id, type, outcome
            limit :batch
            """;

    private static final String FOLD = """
            with moved as (
                delete from request_rollup
                where grain = :grain and period_start = :start and authority_id = :authority and company_id = :company
                  and type = :type and outcome = :outcome and stripe <> 0
                returning *)
            insert into request_rollup (grain, period_start, authority_id, company_id, type, outcome, stripe,
                authority_country, requests, overdue, answered, answered_in_time, answer_hist)
            select grain, period_start, authority_id, company_id, type, outcome, 0, min(authority_country),
                sum(requests), sum(overdue), sum(answered), sum(answered_in_time), rollup_hist_sum(answer_hist)
            from moved
            group by grain, period_start, authority_id, company_id, type, outcome
            on conflict (grain, period_start, authority_id, company_id, type, outcome, stripe) do update set
                requests = request_rollup.requests + excluded.requests,
                overdue = request_rollup.overdue + excluded.overdue,
                answered = request_rollup.answered + excluded.answered,
                answered_in_time = request_rollup.answered_in_time + excluded.answered_in_time,
                answer_hist = rollup_hist_add(request_rollup.answer_hist, excluded.answer_hist)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    public RollupFolding(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${parley.request.rollup-folding-interval:PT10M}",
            initialDelayString = "${parley.request.rollup-folding-initial-delay:PT2M}")
    public void run() {
        BatchSweep.runLogged(log, "folded the stripes of {} ended rollup cells",
                "folding the rollup's stripes failed; it will run again", this::fold);
    }

    /** Folds every ended cell kept in more than stripe 0; answers how many this instance folded. */
    public int fold() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int folded = 0;
        while (true) {
            List<Cell> cells = jdbc.sql(ENDED_CELLS)
                    .param("day", today)
                    .param("month", today.withDayOfMonth(1))
                    .param("year", today.withDayOfYear(1))
                    .param("batch", BATCH)
                    .query((rs, row) -> new Cell(rs.getString(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5),
                            rs.getString(6)))
                    .list();
            for (Cell cell : cells) {
                // one statement, so one transaction: it locks the rows of this cell only, and never waits on a
                // writer while holding another cell's rows
                folded += jdbc.sql(FOLD)
                        .param("grain", cell.grain()).param("start", cell.start()).param("authority", cell.authority())
                        .param("company", cell.company()).param("type", cell.type()).param("outcome", cell.outcome())
                        .update() > 0 ? 1 : 0;
            }
            if (cells.size() < BATCH) {
                return folded;
            }
        }
    }

    private record Cell(String grain, LocalDate start, UUID authority, UUID company, String type,
            String outcome) {}
}
