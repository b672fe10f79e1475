package org.parley.common.tracing;

import org.parley.common.kernel.OtlpEndpoint;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns OpenTelemetry's exporter variables ({@link OtlpEndpoint}) into Spring Boot's OTLP tracing
 * settings, below every other source, so that an explicit
 * {@code management.opentelemetry.tracing.export.otlp.*} still wins. None set: Boot makes no
 * exporter, and spans stay in the process (their ids still reach the logs and problem details).
 */
public class OtlpExportSettings implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        OtlpEndpoint.of(environment::getProperty).ifPresent(target -> environment.getPropertySources()
                .addLast(new MapPropertySource("otlpExport", target.springBootSettings())));
    }
}
