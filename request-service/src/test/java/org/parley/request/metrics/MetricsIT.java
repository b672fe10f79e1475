package org.parley.request.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.api.request.v1.GetRequestSummaryRequest;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.common.testkit.PrometheusScrape;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The metrics as a scraper reads them, on the management port: the platform's figures after data
 * is made, the gRPC server's and client's calls, and nothing of it on the application's port. The
 * figures are read on every scrape here (a ttl of zero); the clock stands still between the two
 * scrapes a test compares, so only this test's requests can change them.
 */
@TestPropertySource(properties = "parley.metrics.figures-ttl=PT0S")
class MetricsIT extends RequestServiceIT {

    @LocalManagementPort
    int managementPort;

    @Test
    void theGaugesCountOpenRequestsByTypeAndStateTheOverdueOnesAndTheRemovalOrdersDueSoon() {
        PrometheusScrape before = scrape();

        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String acknowledged = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + acknowledged + "/acknowledgement", null, video.responder());
        String dueSoon = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String overdue = submit(de.liaison(), Bodies.removalOrder(video.id()));
        submit(de.liaison(), Bodies.information(video.id(), now().atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(30),
                now().atZone(java.time.ZoneOffset.UTC).toLocalDate(), "SUBSCRIBER"));
        // where the deadline stands without moving the clock (which every test's requests share)
        jdbc.sql("update government_request set due_at = :due where id = :id::uuid")
                .param("due", Timestamp.from(now().plus(Duration.ofMinutes(10)))).param("id", dueSoon).update();
        jdbc.sql("update government_request set due_at = :due, overdue_at = :due where id = :id::uuid")
                .param("due", Timestamp.from(now().minus(Duration.ofMinutes(1)))).param("id", overdue).update();

        PrometheusScrape after = scrape();

        assertThat(delta(before, after, "parley_requests_open", Map.of("type", "REMOVAL_ORDER", "state", "SUBMITTED"))).isEqualTo(2);
        assertThat(delta(before, after, "parley_requests_open", Map.of("type", "REMOVAL_ORDER", "state", "ACKNOWLEDGED"))).isEqualTo(1);
        assertThat(delta(before, after, "parley_requests_open", Map.of("type", "INFORMATION", "state", "SUBMITTED"))).isEqualTo(1);
        assertThat(delta(before, after, "parley_requests_open", Map.of("type", "REFERRAL", "state", "SUBMITTED"))).isZero();
        assertThat(delta(before, after, "parley_requests_overdue", Map.of("type", "REMOVAL_ORDER"))).isEqualTo(1);
        assertThat(delta(before, after, "parley_removal_orders_due_soon", Map.of())).isEqualTo(1);
        // every combination is a series from the start, zero included
        assertThat(after.series("parley_requests_open", Map.of())).hasSize(5 * 4);
    }

    @Test
    void theTimeToAnswerIsAHistogramRecordedWhenTheCompanyAnswers() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + id + "/acknowledgement", null, video.responder());
        PrometheusScrape before = scrape();

        CLOCK.advance(Duration.ofMinutes(10));
        assertThat(post("/api/v1/requests/" + id + "/response", Bodies.fulfilled(now().toString()), video.responder())
                .status()).isEqualTo(200);

        PrometheusScrape after = scrape();
        Map<String, String> removal = Map.of("type", "REMOVAL_ORDER");
        assertThat(delta(before, after, "parley_request_answer_time_seconds_count", removal)).isEqualTo(1);
        assertThat(delta(before, after, "parley_request_answer_time_seconds_sum", removal)).isEqualTo(600);
        // within the hour a removal order allows (an objective of its own) and with buckets for percentiles
        assertThat(delta(before, after, "parley_request_answer_time_seconds_bucket", Map.of("type", "REMOVAL_ORDER", "le", "3600.0")))
                .isEqualTo(1);
        assertThat(after.series("parley_request_answer_time_seconds_bucket", removal)).hasSizeGreaterThan(10);
    }

    @Test
    void httpGrpcServerAndClientCallsThePoolAndTheJvmAreMeasured() throws InterruptedException {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        // a submission asks stakeholder-service (here faked) over gRPC: the client's side
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort.port()).usePlaintext().build();
        try {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), World.service());
            RequestServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .getRequestSummary(GetRequestSummaryRequest.newBuilder().setId(id).build());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        PrometheusScrape scrape = scrape();

        assertThat(scrape.valueOf("grpc_server_seconds_count",
                Map.of("rpc_method", "GetRequestSummary", "grpc_status_code", "OK"))).isGreaterThanOrEqualTo(1);
        assertThat(scrape.series("grpc_server_seconds_bucket", Map.of("rpc_method", "GetRequestSummary"))).isNotEmpty();
        assertThat(scrape.valueOf("grpc_client_seconds_count", Map.of("rpc_service", "parley.stakeholder.v1.StakeholderService")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.valueOf("http_server_requests_seconds_count",
                Map.of("uri", "/api/v1/requests", "method", "POST", "status", "201"))).isGreaterThanOrEqualTo(1);
        assertThat(scrape.series("http_server_requests_seconds_bucket", Map.of("uri", "/api/v1/requests"))).isNotEmpty();
        assertThat(scrape.has("hikaricp_connections_active")).isTrue();
        assertThat(scrape.valueOf("hikaricp_connections_max", Map.of())).as("the pool of application.yml").isEqualTo(6);
        // Resilience4j's breakers are bound to Micrometer: the downstream's, by name and state
        assertThat(scrape.valueOf("resilience4j_circuitbreaker_state", Map.of("name", "stakeholder", "state", "closed")))
                .isEqualTo(1);
        assertThat(scrape.series("parley_audit_chain_intact", Map.of("chain", "request"))).hasSize(1);
        assertThat(scrape.has("parley_audit_chain_verified_timestamp_seconds")).isTrue();
        assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
        assertThat(scrape.series("jvm_threads_live_threads", Map.of("application", "request-service"))).isNotEmpty();
    }

    @Test
    void theApplicationPortServesNoActuatorButTheProbes() {
        assertThat(PrometheusScrape.status(URI.create(url("/actuator/prometheus")))).isEqualTo(404);
        assertThat(PrometheusScrape.status(URI.create(url("/actuator/health")))).isEqualTo(404);
        assertThat(PrometheusScrape.status(URI.create(url("/readyz")))).isEqualTo(200);
        assertThat(PrometheusScrape.status(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")))
                .isEqualTo(200);
        // nor is the management port a second entry to the API
        assertThat(PrometheusScrape.status(URI.create("http://127.0.0.1:" + managementPort + "/api/v1/transparency/requests")))
                .isEqualTo(404);
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(managementPort);
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, Map<String, String> labels) {
        return after.valueOf(name, labels) - before.value(name, labels).orElse(0);
    }
}
