package org.parley.common.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.OtlpEndpoint.Target;
import org.parley.common.kernel.OtlpEndpoint.Transport;

class OtlpEndpointTest {

    @Test
    void nothingSetMeansNoExport() {
        assertThat(OtlpEndpoint.of(Map.<String, String>of()::get)).isEmpty();
        assertThat(OtlpEndpoint.of(Map.of(OtlpEndpoint.ENDPOINT, " ")::get)).isEmpty();
    }

    @Test
    void theBaseUrlGetsTheTracesPathOverHttp() {
        assertThat(OtlpEndpoint.of(Map.of(OtlpEndpoint.ENDPOINT, "http://collector:4318/")::get))
                .contains(new Target("http://collector:4318/v1/traces", Transport.HTTP));
    }

    @Test
    void theTracesUrlIsTakenAsItIsAndGrpcTakesTheBaseUrl() {
        assertThat(OtlpEndpoint.of(Map.of(OtlpEndpoint.ENDPOINT, "http://collector:4318",
                OtlpEndpoint.TRACES_ENDPOINT, "http://traces:9999/in")::get))
                .contains(new Target("http://traces:9999/in", Transport.HTTP));
        assertThat(OtlpEndpoint.of(Map.of(OtlpEndpoint.ENDPOINT, "http://collector:4317", OtlpEndpoint.PROTOCOL, "grpc")::get))
                .contains(new Target("http://collector:4317", Transport.GRPC));
    }

    @Test
    void aTargetIsSpringBootsOtlpExporterSettings() {
        assertThat(new Target("http://collector:4317", Transport.GRPC).springBootSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "management.opentelemetry.tracing.export.otlp.endpoint", "http://collector:4317",
                "management.opentelemetry.tracing.export.otlp.transport", "grpc"));
    }
}
