package org.parley.appeal.appeals.domain;

import java.time.Instant;
import org.parley.appeal.shared.domain.Person;

/**
 * The appellant's move to an independent reviewer, with their reason; and the reviewer who took it into their
 * review, once one has (only they decide it).
 */
public record Escalation(String reason, Instant at, Person reviewer, Instant takenAt) {

    public static Escalation of(String reason, Instant at) {
        return new Escalation(reason, at, null, null);
    }

    public boolean isTaken() {
        return reviewer != null;
    }

    Escalation takenBy(Person by, Instant now) {
        return new Escalation(reason, at, by, now);
    }
}
