package org.parley.request.lifecycle.domain;

import java.time.Instant;

/**
 * Marks a request overdue when its clock has run out, before anything else happens to it, so the
 * mark never waits for the sweep. The deadline feature does it (stored, audited, counted, told).
 */
public interface OverdueMarking {

    /** The request marked overdue if it is due for the mark, else as it was. The row must be locked. */
    GovernmentRequest markIfDue(GovernmentRequest request, Instant now);
}
