package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.PrometheusScrape;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.OtlpReceiver.Kind;
import org.parley.e2e.support.OtlpReceiver.ReceivedSpan;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.Topology;

/**
 * What an operator sees of a running Parley: one request followed as one trace from the gateway
 * through request-service and its gRPC call to stakeholder-service down to PostgreSQL, as the
 * processes export it over OTLP; the trace named in a problem; and each process's metrics on its
 * management port, which the gateway's public port does not serve.
 */
@SystemTest
class ObservabilitySystemIT {

    private static final Gateway gateway = Gateway.ofPlatform();
    private static final Tokens tokens = Tokens.ofPlatform();

    @Test
    void aSubmissionIsOneTraceFromTheGatewayThroughBothServicesToTheDatabase() {
        String traceId = newTraceId();

        Reply submitted = gateway.send(gateway.request("/api/v1/requests", tokens.of("liaison-de-1@parley.local"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Gateway.json(Orders.removalOrder()))));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ReceivedSpan> trace = RunningPlatform.traces().trace(traceId);
            assertThat(trace).as("the gateway took the request and called request-service")
                    .anySatisfy(span -> assertSpan(span, Topology.GATEWAY, Kind.SERVER))
                    .anySatisfy(span -> assertSpan(span, Topology.GATEWAY, Kind.CLIENT));
            assertThat(trace).as("request-service served it, asked stakeholder-service over gRPC and wrote it")
                    .anySatisfy(span -> assertSpan(span, Topology.REQUEST_SERVICE, Kind.SERVER))
                    .anySatisfy(span -> {
                        assertSpan(span, Topology.REQUEST_SERVICE, Kind.CLIENT);
                        assertThat(span.name()).contains("parley.stakeholder.v1.");
                    })
                    .anySatisfy(span -> {
                        assertThat(span.service()).isEqualTo(Topology.REQUEST_SERVICE);
                        assertThat(span.name()).isEqualTo("query");
                    });
            assertThat(trace).as("stakeholder-service answered the gRPC call from its database")
                    .anySatisfy(span -> {
                        assertSpan(span, Topology.STAKEHOLDER_SERVICE, Kind.SERVER);
                        assertThat(span.name()).contains("parley.stakeholder.v1.");
                    })
                    .anySatisfy(span -> {
                        assertThat(span.service()).isEqualTo(Topology.STAKEHOLDER_SERVICE);
                        assertThat(span.name()).isEqualTo("query");
                    });
            // one tree: every span but the caller's own has its parent in the trace
            List<String> ids = trace.stream().map(ReceivedSpan::spanId).toList();
            assertThat(trace).allSatisfy(span -> assertThat(span.parentSpanId())
                    .isIn(java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of("00f067aa0ba902b7")).toList()));
        });
    }

    @Test
    void aProblemNamesTheTraceBesideTheCorrelationId() {
        String traceId = newTraceId();

        Reply missing = gateway.send(gateway.request("/api/v1/requests/" + UUID.randomUUID(), tokens.of("liaison-de-1@parley.local"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").GET());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("traceId").asString()).isEqualTo(traceId);
        assertThat(missing.json().get("correlationId").asString()).isNotBlank();
    }

    @Test
    void everyProcessServesItsMetricsOnItsManagementPortAndTheGatewayNone() {
        for (String process : Topology.SERVICES) {
            PrometheusScrape scrape = PrometheusScrape.of(Topology.metrics(process));
            assertThat(scrape.series("jvm_memory_used_bytes", Map.of("application", process))).as(process).isNotEmpty();
        }
        assertThat(PrometheusScrape.of(Topology.metrics(Topology.REQUEST_SERVICE)).has("parley_requests_open")).isTrue();
        assertThat(PrometheusScrape.of(Topology.metrics(Topology.APPEAL_SERVICE)).has("parley_appeals_overdue")).isTrue();
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/readyz")) {
            assertThat(PrometheusScrape.status(gateway.base().resolve(path))).as(path).isEqualTo(404);
        }
    }

    private static void assertSpan(ReceivedSpan span, String service, Kind kind) {
        assertThat(span.service()).isEqualTo(service);
        assertThat(span.kind()).isEqualTo(kind);
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
