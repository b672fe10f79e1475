package org.parley.appeal.stakeholders.domain;

import java.util.Optional;
import java.util.UUID;
import org.parley.common.kernel.Unavailable;

/** Stakeholders, from stakeholder-service. */
public interface Companies {

    /**
     * The stakeholder, or empty when none has this id.
     *
     * @throws Unavailable when stakeholder-service cannot be reached
     */
    Optional<Company> find(UUID id);
}
