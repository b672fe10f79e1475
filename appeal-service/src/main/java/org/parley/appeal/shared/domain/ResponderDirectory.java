package org.parley.appeal.shared.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The responders this service has seen acting for their company (recording a notice, reading the company's
 * appeals), so that an appeal can be assigned by username, and to someone seen acting for the company while
 * stakeholder-service cannot confirm memberships.
 */
public interface ResponderDirectory {

    void remember(UUID company, Person responder, Instant now);

    /** A known responder of the company, by subject or by username. */
    Optional<Person> find(UUID company, String subjectOrUsername);
}
