package org.parley.appeal.appeals.domain;

import java.time.Instant;

/** The appellant's move to an independent reviewer, with their reason. */
public record Escalation(String reason, Instant at) {}
