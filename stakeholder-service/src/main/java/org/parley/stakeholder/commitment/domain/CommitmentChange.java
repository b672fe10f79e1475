package org.parley.stakeholder.commitment.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.Conflict;

/** A new status or target date for a commitment; a field left out stays as it is. */
public record CommitmentChange(CommitmentStatus status, LocalDate targetDate) {

    public boolean isEmpty() {
        return status == null && targetDate == null;
    }

    /**
     * The commitment after the change: 409 for a move the lifecycle forbids or a new target date on a
     * commitment that is no longer open; 422 for a target date in the past.
     */
    public Commitment applyTo(Commitment current, LocalDate today, Instant now) {
        Commitment changed = current;
        if (targetDate != null && !targetDate.equals(current.targetDate())) {
            if (!current.status().isOpen()) {
                throw new Conflict("COMMITMENT_CLOSED", "The target date of a " + current.status() + " commitment cannot move");
            }
            FieldCheck check = FieldCheck.start();
            Pledge.checkTargetDate(check, targetDate, today);
            check.orThrow();
            changed = changed.withTargetDate(targetDate, now);
        }
        if (status != null && status != current.status()) {
            changed = changed.withStatus(CommitmentLifecycle.move(current.status(), status), now);
        }
        return changed;
    }
}
