package org.parley.request.lifecycle.domain;

import java.time.Instant;
import java.util.UUID;

/** A question the company asked the authority about a request, and the authority's answer. */
public record Clarification(UUID id, String question, Instant askedAt, String answer, Instant answeredAt) {

    public boolean isOpen() {
        return answeredAt == null;
    }

    public Clarification answered(String text, Instant at) {
        return new Clarification(id, question, askedAt, text, at);
    }
}
