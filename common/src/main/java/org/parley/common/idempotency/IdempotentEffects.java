package org.parley.common.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the claimed {@code Idempotency-Key} of the request being handled as "its change is made" inside
 * every transaction that request commits, so that the mark and the change commit together. Without it a
 * failure between the change's commit and the storing of its answer (an exception after the write, a
 * crashed instance) would give the key back, and a retry would make the change a second time.
 */
public final class IdempotentEffects implements TransactionExecutionListener {

    private final JdbcClient jdbc;

    public IdempotentEffects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        IdempotencyFilter.Claim claim = IdempotencyFilter.currentClaim();
        if (claim == null || beginFailure != null || transaction.isReadOnly()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                jdbc.sql("update idempotency_key set effect_committed = true where caller = :caller and key = :key and attempt = :attempt")
                        .param("caller", claim.caller()).param("key", claim.key()).param("attempt", claim.attempt())
                        .update();
            }
        });
    }
}
