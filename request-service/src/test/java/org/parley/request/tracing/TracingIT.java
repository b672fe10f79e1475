package org.parley.request.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * One request, one trace: the HTTP server's span, the gRPC calls it makes to stakeholder-service
 * and its JDBC statements share the trace id, which continues the caller's ({@code traceparent})
 * and which a problem names beside the correlation id. Spans are kept in memory here, and are also
 * sent over OTLP to a collector of the test's own, named by {@code OTEL_EXPORTER_OTLP_ENDPOINT} as
 * a deployment names its collector.
 */
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=50ms")
@Import(TracingIT.KeptSpans.class)
class TracingIT extends RequestServiceIT {

    static final List<SpanData> SPANS = new CopyOnWriteArrayList<>();

    /** The bodies of the OTLP exports received (protobuf ExportTraceServiceRequest). */
    static final List<byte[]> EXPORTS = new CopyOnWriteArrayList<>();
    static final HttpServer COLLECTOR = collector();

    static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/traces", exchange -> {
                try (exchange) {
                    EXPORTS.add(exchange.getRequestBody().readAllBytes());
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
            // read by the service at start, as OpenTelemetry's own variable (a system property here)
            System.setProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void collectorGone() {
        System.clearProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class KeptSpans {
        @Bean
        SpanExporter keptSpans() {
            return new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    SPANS.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            };
        }
    }

    @Test
    void aSubmissionIsOneTraceThroughHttpGrpcAndJdbcContinuingTheCallers() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String traceId = UUID.randomUUID().toString().replace("-", "");

        Reply reply = api.post("/api/v1/requests", Bodies.removalOrder(video.id())).auth(de.liaison())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = SPANS.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            assertThat(trace).as("the HTTP server's span").anySatisfy(s -> {
                assertThat(s.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(s.getName()).containsIgnoringCase("post").contains("/api/v1/requests");
            });
            assertThat(trace).as("a gRPC call to stakeholder-service").anySatisfy(s -> {
                assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
                assertThat(s.getName()).contains("parley.stakeholder.v1.");
            });
            assertThat(trace).as("a JDBC statement").anySatisfy(s -> assertThat(s.getName()).isEqualTo("query"));
            byte[] id = HexFormat.of().parseHex(traceId);
            assertThat(EXPORTS).as("the trace exported over OTLP").anySatisfy(body -> assertThat(contains(body, id)).isTrue());
        });
    }

    @Test
    void aProblemNamesItsTraceBesideTheCorrelationId() {
        String traceId = UUID.randomUUID().toString().replace("-", "");

        Reply reply = api.get("/api/v1/requests/" + UUID.randomUUID()).auth(World.admin())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Correlation-Id", "report-me-42").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.json().get("traceId").asString()).isEqualTo(traceId);
        assertThat(reply.json().get("correlationId").asString()).isEqualTo("report-me-42");
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
