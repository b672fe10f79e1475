package org.parley.appeal.stakeholders.domain;

import java.util.UUID;

/** The appeal decision time a company committed to. Never fails: a user's appeal must not wait on it. */
public interface DecisionTimes {

    DecisionTime forCompany(UUID companyId);
}
