package org.parley.common.kernel;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a process sends its traces, read from OpenTelemetry's own environment variables so that
 * every Parley process is set the way any OpenTelemetry SDK is: {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * (the collector's base URL; traces go to its {@code /v1/traces}) or
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the traces URL as it is), and
 * {@code OTEL_EXPORTER_OTLP_PROTOCOL} / {@code OTEL_EXPORTER_OTLP_TRACES_PROTOCOL}
 * ({@code http/protobuf}, the default, or {@code grpc}). Neither endpoint set: no export at all.
 */
public final class OtlpEndpoint {

    public static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public static final String PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public static final String TRACES_PROTOCOL = "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL";

    /** How traces are sent: OTLP over HTTP (protobuf bodies) or over gRPC. */
    public enum Transport { HTTP, GRPC }

    /** The traces' URL and how to send there. */
    public record Target(String url, Transport transport) {

        /** The same as Spring Boot's settings of its OTLP span exporter, which every Parley process gives it. */
        public Map<String, Object> springBootSettings() {
            return Map.of("management.opentelemetry.tracing.export.otlp.endpoint", url,
                    "management.opentelemetry.tracing.export.otlp.transport", transport.name().toLowerCase(Locale.ROOT));
        }
    }

    private OtlpEndpoint() {}

    /** The target the variables name, {@code variables} answering null for one not set. */
    public static Optional<Target> of(Function<String, String> variables) {
        String protocol = firstSet(variables, TRACES_PROTOCOL, PROTOCOL);
        Transport transport = "grpc".equalsIgnoreCase(protocol) ? Transport.GRPC : Transport.HTTP;
        String traces = firstSet(variables, TRACES_ENDPOINT);
        if (traces != null) {
            return Optional.of(new Target(traces, transport));
        }
        String base = firstSet(variables, ENDPOINT);
        if (base == null) {
            return Optional.empty();
        }
        if (transport == Transport.GRPC) {
            return Optional.of(new Target(base, transport));
        }
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return Optional.of(new Target(trimmed + "/v1/traces", transport));
    }

    private static String firstSet(Function<String, String> variables, String... names) {
        for (String name : names) {
            String value = variables.apply(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
