package org.parley.appeal.order.domain;

/** The answer to "which order is this?": found, no such request, or request-service unreachable. */
public sealed interface OrderLookup {

    record Found(OrderSummary summary) implements OrderLookup {}

    record Missing() implements OrderLookup {}

    record Unreachable() implements OrderLookup {}
}
