package org.parley.stakeholder.workinggroup.domain;

import java.time.Instant;
import java.util.UUID;

/** A stakeholder's membership of a working group. */
public record GroupMember(UUID stakeholderId, Instant joinedAt) {}
