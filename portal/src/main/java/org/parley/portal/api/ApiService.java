package org.parley.portal.api;

import java.util.Locale;

/** The services behind the public API, each with its own circuit breaker in the portal. */
public enum ApiService {
    STAKEHOLDER, REQUEST, APPEAL;

    /** Which service answers a path of the public API. */
    public static ApiService of(String path) {
        if (path.startsWith("/api/v1/requests") || path.startsWith("/api/v1/transparency/requests")
                || path.startsWith("/api/v1/archive/") || path.startsWith("/api/v1/admin/audit/request/")) {
            return REQUEST;
        }
        if (path.startsWith("/api/v1/notices") || path.startsWith("/api/v1/appeals")
                || path.startsWith("/api/v1/transparency/appeals") || path.startsWith("/api/v1/admin/audit/appeal/")) {
            return APPEAL;
        }
        return STAKEHOLDER;
    }

    /** The circuit breaker's name, and the message key suffix: {@code unavailable.request}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
