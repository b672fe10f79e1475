package org.parley.gateway.routing;

import java.util.List;
import java.util.Locale;

/**
 * The public API paths of each service (see the API contract). One route per service;
 * every route has its own circuit breaker named after the service.
 */
public enum Upstreams {

    STAKEHOLDER("stakeholder-service", List.of(
            "/api/v1/stakeholders/**",
            "/api/v1/frameworks/**",
            "/api/v1/commitments/**",
            "/api/v1/working-groups/**",
            "/api/v1/standards/**",
            "/api/v1/admin/audit/stakeholder/**")),

    REQUEST("request-service", List.of(
            "/api/v1/requests/**",
            "/api/v1/transparency/requests/**",
            "/api/v1/admin/audit/request/**")),

    APPEAL("appeal-service", List.of(
            "/api/v1/notices/**",
            "/api/v1/appeals/**",
            "/api/v1/transparency/appeals/**",
            "/api/v1/admin/audit/appeal/**"));

    private final String serviceName;
    private final List<String> paths;

    Upstreams(String serviceName, List<String> paths) {
        this.serviceName = serviceName;
        this.paths = paths;
    }

    /** Route id and circuit breaker name: {@code stakeholder}, {@code request}, {@code appeal}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The process name people know, e.g. {@code stakeholder-service}. */
    public String serviceName() {
        return serviceName;
    }

    public List<String> paths() {
        return paths;
    }

    /** The upstream of a route id, or {@code null}. */
    public static Upstreams byId(String id) {
        for (Upstreams upstream : values()) {
            if (upstream.id().equals(id)) {
                return upstream;
            }
        }
        return null;
    }
}
