package org.parley.common.sweep;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loop of a scheduled sweep that every instance runs: claim a batch in one transaction, handle each
 * item in the same transaction, repeat until a round comes back short. The claim must lock what it takes
 * ({@code FOR UPDATE SKIP LOCKED}), so that however many instances sweep at once each item is handled
 * once; a failed round rolls back alone and its items are claimed again by the next run.
 */
public final class BatchSweep {

    private final TransactionTemplate transactions;
    private final int batch;

    public BatchSweep(TransactionTemplate transactions, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("a batch holds at least one item");
        }
        this.transactions = transactions;
        this.batch = batch;
    }

    /**
     * Sweeps until nothing is left: each round claims up to a batch ({@code claim} is given the batch size) and
     * hands each item to {@code handle}, which answers whether it changed anything. Stops after a round that
     * claimed less than a batch, or that changed nothing (so items claimed but left as they were are not claimed
     * over and over). Answers how many items this instance changed.
     */
    public <T> int drain(IntFunction<List<T>> claim, Predicate<? super T> handle) {
        int total = 0;
        while (true) {
            int[] round = transactions.execute(tx -> {
                List<T> claimed = claim.apply(batch);
                int changed = 0;
                for (T item : claimed) {
                    if (handle.test(item)) {
                        changed++;
                    }
                }
                return new int[] {claimed.size(), changed};
            });
            if (round == null) {
                return total;
            }
            total += round[1];
            if (round[0] < batch || round[1] == 0) {
                return total;
            }
        }
    }

    /**
     * Runs a sweep from a scheduler: logs how many items it changed ({@code changed} has one {@code {}} for the
     * number), and logs rather than throws a failure, since the next run tries again.
     */
    public static void runLogged(Logger log, String changed, String failed, IntSupplier sweep) {
        try {
            int count = sweep.getAsInt();
            if (count > 0) {
                log.info(changed, count);
            }
        } catch (RuntimeException e) {
            log.warn(failed, e);
        }
    }
}
