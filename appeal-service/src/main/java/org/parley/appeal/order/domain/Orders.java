package org.parley.appeal.order.domain;

import java.util.UUID;

/** Government requests, from request-service. Never throws for an outage: it answers {@link OrderLookup.Unreachable}. */
public interface Orders {

    OrderLookup lookup(UUID requestId);
}
