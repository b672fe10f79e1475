package org.parley.appeal.order.domain;

import java.time.Instant;

/**
 * What a person affected by a removal learns of the government order behind it (domain: "what the user
 * sees of a government order"): the authority, the type and the legal basis; or, while a gag order is in
 * force, only that a confidential order exists and until when; or, when request-service cannot be asked,
 * that this part is missing for now. Never "no order" for a notice that names one.
 */
public sealed interface OrderDisclosure {

    /** False only when part of the statement could not be fetched and the reader must look again later. */
    default boolean complete() {
        return !(this instanceof Unavailable);
    }

    /** No government order caused the restriction. */
    record None() implements OrderDisclosure {}

    record Disclosed(String authority, String authorityCountry, String type, LegalBasis legalBasis)
            implements OrderDisclosure {}

    record Confidential(Instant until) implements OrderDisclosure {}

    record Unavailable() implements OrderDisclosure {}

    static OrderDisclosure of(OrderLookup lookup) {
        return switch (lookup) {
            case OrderLookup.Found found when found.summary().confidential() ->
                    new Confidential(found.summary().confidentialUntil().orElse(null));
            case OrderLookup.Found found -> new Disclosed(found.summary().authorityName(),
                    found.summary().authorityCountry(), found.summary().type().orElse(null),
                    found.summary().legalBasis().orElse(null));
            // a notice names a request that request-service no longer shows: say so, never "no order"
            case OrderLookup.Missing missing -> new Unavailable();
            case OrderLookup.Unreachable unreachable -> new Unavailable();
        };
    }
}
