package org.parley.appeal.stakeholders.domain;

import org.parley.common.kernel.Unavailable;

/** The standards in force, from stakeholder-service. */
public interface StandardsCatalogue {

    /**
     * The active standards, possibly a copy kept from an earlier answer.
     *
     * @throws Unavailable when stakeholder-service cannot be reached and no copy is at hand
     */
    ActiveStandards active();
}
