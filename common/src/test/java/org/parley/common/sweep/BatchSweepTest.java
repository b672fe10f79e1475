package org.parley.common.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class BatchSweepTest {

    private final Transactions transactions = new Transactions();
    private final BatchSweep sweep = new BatchSweep(new TransactionTemplate(transactions), 3);

    @Test
    void claimsBatchByBatchEachInItsOwnTransactionUntilARoundComesBackShort() {
        Deque<Integer> due = new ArrayDeque<>(IntStream.range(0, 7).boxed().toList());
        List<Integer> handled = new ArrayList<>();

        int changed = sweep.drain(size -> take(due, size), handled::add);

        assertThat(changed).isEqualTo(7);
        assertThat(handled).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(transactions.committed).as("3 + 3 + 1").isEqualTo(3);
    }

    @Test
    void stopsWhenAFullRoundChangedNothingSoUnchangedItemsAreNotClaimedForever() {
        int changed = sweep.drain(size -> List.of(1, 2, 3), item -> false);

        assertThat(changed).isZero();
        assertThat(transactions.committed).isEqualTo(1);
    }

    private static List<Integer> take(Deque<Integer> due, int size) {
        List<Integer> claimed = new ArrayList<>();
        while (claimed.size() < size && !due.isEmpty()) {
            claimed.add(due.poll());
        }
        return claimed;
    }

    private static final class Transactions implements PlatformTransactionManager {
        int committed;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            committed++;
        }

        @Override
        public void rollback(TransactionStatus status) {}
    }
}
