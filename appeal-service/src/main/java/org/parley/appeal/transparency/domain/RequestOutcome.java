package org.parley.appeal.transparency.domain;

import java.util.UUID;

/**
 * What became of one government request's removals: how many notices name it, how many of those were
 * appealed, and how many appeals lifted the restriction (the independent decision where there is one,
 * else the company's).
 */
public record RequestOutcome(UUID requestId, long notices, long appeals, long reversed) {}
