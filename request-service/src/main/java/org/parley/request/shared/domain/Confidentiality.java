package org.parley.request.shared.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A gag order: until when the company may not tell affected users, and why. It is in force through
 * the whole of its {@code until} day (UTC) and lapses at the start of the next.
 */
public record Confidentiality(LocalDate until, String justification) {

    public Confidentiality {
        justification = Texts.strip(justification);
    }

    /** The instant the gag order lapses. */
    public Instant endsAt() {
        return until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean inForceAt(Instant now) {
        return until != null && now.isBefore(endsAt());
    }
}
