package org.parley.appeal.relay.domain;

import java.time.Instant;
import java.util.UUID;
import org.parley.appeal.shared.domain.CompanyEvents;

/** One row of the appeal outbox: what happened to which appeal of which company, and when. */
public record AppealEvent(long id, UUID appealId, UUID companyId, CompanyEvents.Kind kind, Instant at) {}
