package org.parley.appeal.shared.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The responders this service has seen acting for their company: whom an appeal may be assigned to.
 * A responder becomes known by signing in to it once (recording a notice, reading the company's appeals).
 */
public interface ResponderDirectory {

    void remember(UUID company, Person responder, Instant now);

    /** A known responder of the company, by subject or by username. */
    Optional<Person> find(UUID company, String subjectOrUsername);
}
