package org.parley.gateway.routing;

import java.util.List;
import java.util.Locale;

/**
 * Where the gateway sends requests: the public API paths of each service (see the API
 * contract), and the portal, which gets every path that is neither the API nor the
 * gateway's own (see {@link org.parley.gateway.web.PortalPaths}). One route per upstream;
 * every route has its own circuit breaker named after the upstream.
 */
public enum Upstreams {

    STAKEHOLDER("stakeholder-service", List.of(
            "/api/v1/stakeholders/**",
            "/api/v1/frameworks/**",
            "/api/v1/commitments/**",
            "/api/v1/working-groups/**",
            "/api/v1/standards/**",
            "/api/v1/webhooks/**",
            "/api/v1/admin/audit/stakeholder/**")),

    REQUEST("request-service", List.of(
            "/api/v1/requests/**",
            "/api/v1/transparency/requests/**",
            "/api/v1/archive/**",
            "/api/v1/admin/audit/request/**")),

    APPEAL("appeal-service", List.of(
            "/api/v1/notices/**",
            "/api/v1/appeals/**",
            "/api/v1/transparency/appeals/**",
            "/api/v1/exports/**",
            "/api/v1/admin/audit/appeal/**")),

    /** The web pages: matched by {@link org.parley.gateway.web.PortalPaths}, not by a path list. */
    PORTAL("portal", List.of());

    private final String serviceName;
    private final List<String> paths;

    Upstreams(String serviceName, List<String> paths) {
        this.serviceName = serviceName;
        this.paths = paths;
    }

    /** Route id and circuit breaker name: {@code stakeholder}, {@code request}, {@code appeal}, {@code portal}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the services of the public API, false for the portal. */
    public boolean api() {
        return this != PORTAL;
    }

    /** The process name people know, e.g. {@code stakeholder-service}. */
    public String serviceName() {
        return serviceName;
    }

    public List<String> paths() {
        return paths;
    }

    /** The upstream of a process name such as {@code request-service}, or {@code null}. */
    public static Upstreams byServiceName(String serviceName) {
        for (Upstreams upstream : values()) {
            if (upstream.serviceName().equals(serviceName)) {
                return upstream;
            }
        }
        return null;
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
