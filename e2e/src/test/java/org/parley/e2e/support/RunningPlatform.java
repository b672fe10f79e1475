package org.parley.e2e.support;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.local.Options;
import org.parley.local.ParleyPlatform;

/**
 * Starts the platform once per test run, through the same launcher as {@code ./parley run},
 * and shares it between all system test classes. JUnit closes it (every process stopped)
 * when the run ends; a shutdown hook covers a JVM that is stopped early.
 *
 * <p>Every run starts clean: the embedded PostgreSQL is new (an external one named by
 * {@code PARLEY_DB_URL} gets its databases dropped and created again) and Keycloak's
 * data is wiped so that the realm is imported afresh.
 */
public final class RunningPlatform implements BeforeAllCallback {

    private static final String KEY = RunningPlatform.class.getName();

    /**
     * The sweeps (overdue marks, retention purges) run every two seconds instead of every 15 s to an
     * hour, so that a test sees what they do within seconds, on every instance at once.
     */
    private static final java.util.Map<String, String> SWEEPS_EVERY_TWO_SECONDS = java.util.Map.of(
            "PARLEY_REQUEST_OVERDUE_SWEEP_INTERVAL", "PT2S",
            "PARLEY_REQUEST_OVERDUE_SWEEP_INITIAL_DELAY", "PT5S",
            "PARLEY_APPEAL_OVERDUE_SCAN_INTERVAL", "PT2S",
            "PARLEY_APPEAL_OVERDUE_INITIAL_DELAY", "PT5S",
            "PARLEY_APPEAL_RETENTION_INTERVAL", "PT2S",
            "PARLEY_APPEAL_RETENTION_INITIAL_DELAY", "PT5S");

    /**
     * Every process of the run sends its spans here (OTLP over HTTP, as a deployment sends them to its
     * collector), so that a test can follow one request through all of them.
     */
    private static final OtlpReceiver TRACES = OtlpReceiver.start();

    private static volatile ParleyPlatform platform;
    private static volatile RuntimeException startFailure;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (startFailure != null) {
            // one failed start is enough: the other classes fail at once with the same cause
            throw new IllegalStateException("the platform failed to start for an earlier test class: "
                    + startFailure.getMessage(), startFailure);
        }
        try {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(KEY, key -> new Handle(startPlatform()), Handle.class);
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    /** The spans the platform's processes sent during the run. */
    public static OtlpReceiver traces() {
        return TRACES;
    }

    /** The running platform; only valid inside a class that uses {@link SystemTest}. */
    public static ParleyPlatform platform() {
        ParleyPlatform running = platform;
        if (running == null) {
            throw new IllegalStateException("the platform is not running: annotate the test class with @SystemTest");
        }
        return running;
    }

    private static ParleyPlatform startPlatform() {
        Options options = Options.fromEnvironment().withFreshData(true).withSettings(SWEEPS_EVERY_TWO_SECONDS)
                .withSettings(java.util.Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", TRACES.endpoint(),
                        // spans reach the receiver within a second of their end
                        "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULEDELAY", "500ms"));
        String logDir = System.getProperty("parley.logDir");
        if (logDir != null) {
            options = options.withLogDir(Path.of(logDir));
        }
        // for trying the system tests against part of the platform: -Dparley.services=stakeholder-service,gateway
        String only = System.getProperty("parley.services");
        if (only != null && !only.isBlank()) {
            options = options.withServices(Arrays.asList(only.split(",")));
        }
        ParleyPlatform started = ParleyPlatform.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "parley-e2e-shutdown"));
        platform = started;
        return started;
    }

    /** Closed by JUnit at the end of the run. */
    private record Handle(ParleyPlatform platform) implements AutoCloseable {
        @Override
        public void close() {
            platform.close();
        }
    }
}
