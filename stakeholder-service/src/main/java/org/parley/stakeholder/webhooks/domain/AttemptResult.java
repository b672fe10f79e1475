package org.parley.stakeholder.webhooks.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * What one delivery attempt came to: the receiver's status code (none when it was not reached), how
 * long it took, an error when there was one, and the receiver's {@code Retry-After}.
 */
public record AttemptResult(Optional<Integer> statusCode, long latencyMs, Optional<String> error,
        Optional<Duration> retryAfter) {

    public static final int MAX_ERROR = 500;

    public static AttemptResult answered(int statusCode, long latencyMs, Optional<Duration> retryAfter) {
        return new AttemptResult(Optional.of(statusCode), latencyMs,
                statusCode >= 200 && statusCode < 300 ? Optional.empty() : Optional.of("HTTP " + statusCode), retryAfter);
    }

    public static AttemptResult failed(String error, long latencyMs) {
        String text = error == null || error.isBlank() ? "failed" : error;
        return new AttemptResult(Optional.empty(), latencyMs,
                Optional.of(text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text), Optional.empty());
    }

    public Outcome outcome() {
        if (statusCode.isEmpty()) {
            return Outcome.RETRY;
        }
        int code = statusCode.get();
        if (code >= 200 && code < 300) {
            return Outcome.DELIVERED;
        }
        return code == 410 ? Outcome.GONE : Outcome.RETRY;
    }

    /** 2xx delivers; 410 Gone disables the endpoint; anything else, answered or not, is tried again. */
    public enum Outcome { DELIVERED, RETRY, GONE }
}
