package org.parley.request.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.GrpcReflection;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.api.common.v1.Period;
import org.parley.api.common.v1.RequestType;
import org.parley.api.request.v1.GetComplianceMetricsRequest;
import org.parley.api.request.v1.GetRequestSummaryRequest;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.api.request.v1.RequestState;
import org.parley.api.request.v1.RequestSummary;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;

class SummaryGrpcIT extends RequestServiceIT {

    @Test
    void serverReflectionIsOffOutsideTheDemoProfile() {
        assertThat(GrpcReflection.offeredOn(grpcPort.port())).isFalse();
    }

    ManagedChannel channel;

    @BeforeEach
    void open() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort.port()).usePlaintext().build();
    }

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    RequestServiceGrpc.RequestServiceBlockingStub as(String bearer) {
        var stub = RequestServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
        if (bearer == null) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), bearer);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    RequestSummary summary(String bearer, String id) {
        return as(bearer).getRequestSummary(GetRequestSummaryRequest.newBuilder().setId(id).build()).getSummary();
    }

    @Test
    void appealServiceLearnsTheAuthorityTypeAndLegalBasisOfAnOrder() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));

        RequestSummary summary = summary(World.service(), id);

        assertThat(summary.getId()).isEqualTo(id);
        assertThat(summary.getConfidential()).isFalse();
        assertThat(summary.hasConfidentialUntil()).isFalse();
        assertThat(summary.getAuthorityId()).isEqualTo(de.id().toString());
        assertThat(summary.getAuthorityCountry()).isEqualTo("DE");
        assertThat(summary.getAuthorityName()).startsWith("Authority DE");
        assertThat(summary.getType()).isEqualTo(RequestType.REQUEST_TYPE_REMOVAL_ORDER);
        assertThat(summary.getLegalBasis().getInstrument()).isEqualTo("Regulation (EU) 2021/784");
        assertThat(summary.getTargetCompanyId()).isEqualTo(video.id().toString());
        assertThat(summary.getState()).isEqualTo(RequestState.REQUEST_STATE_SUBMITTED);
    }

    @Test
    void whileAGagOrderIsInForceOnlyItsExistenceAndEndAreTold() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        LocalDate until = LocalDate.ofInstant(now(), ZoneOffset.UTC).plusDays(5);
        Map<String, Object> body = Bodies.removalOrder(video.id());
        body.put("confidentiality", Map.of("until", until.toString(), "justification", "Suspects must not be warned."));
        String id = submit(de.liaison(), body);

        RequestSummary gagged = summary(World.service(), id);

        assertThat(gagged.getConfidential()).isTrue();
        assertThat(Instant.ofEpochSecond(gagged.getConfidentialUntil().getSeconds()))
                .isEqualTo(until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(gagged.getAuthorityId()).isEmpty();
        assertThat(gagged.getAuthorityName()).isEmpty();
        assertThat(gagged.getAuthorityCountry()).isEmpty();
        assertThat(gagged.getType()).isEqualTo(RequestType.REQUEST_TYPE_UNSPECIFIED);
        assertThat(gagged.hasLegalBasis()).isFalse();

        CLOCK.advance(Duration.ofDays(6));
        RequestSummary lapsed = summary(World.service(), id);

        assertThat(lapsed.getConfidential()).isFalse();
        assertThat(lapsed.hasConfidentialUntil()).isTrue();
        assertThat(lapsed.getAuthorityId()).isEqualTo(de.id().toString());
        assertThat(lapsed.getType()).isEqualTo(RequestType.REQUEST_TYPE_REMOVAL_ORDER);
    }

    @Test
    void theRequestsOwnPartiesMayAskEveryoneElseHearsNotFound() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String unconfirmed = submit(de.liaison(), Bodies.emergency(video.id()));

        assertThat(summary(de.liaison(), id).getId()).isEqualTo(id);
        assertThat(summary(video.responder(), id).getId()).isEqualTo(id);
        assertThat(summary(World.reviewer(), id).getId()).isEqualTo(id);
        assertCode(() -> summary(fr.liaison(), id), Status.Code.NOT_FOUND);
        assertCode(() -> summary(World.appellant(), id), Status.Code.NOT_FOUND);
        assertCode(() -> summary(video.responder(), unconfirmed), Status.Code.NOT_FOUND);
        assertCode(() -> summary(World.service(), "not-an-id"), Status.Code.NOT_FOUND);
        assertCode(() -> summary(null, id), Status.Code.UNAUTHENTICATED);
    }

    @Test
    void complianceMetricsMeasureHowACompanyAnswersRemovalOrders() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        Instant start = now();
        String quick = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String slow = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + quick + "/acknowledgement", null, video.responder());
        post("/api/v1/requests/" + slow + "/acknowledgement", null, video.responder());
        CLOCK.advance(Duration.ofMinutes(30));
        post("/api/v1/requests/" + quick + "/response", Bodies.fulfilled(now().toString()), video.responder());
        CLOCK.advance(Duration.ofMinutes(60));
        post("/api/v1/requests/" + slow + "/response", Bodies.fulfilled(now().toString()), video.responder());
        Period period = Period.newBuilder().setFrom(ts(start.minus(Duration.ofHours(1)))).setTo(ts(now().plus(Duration.ofHours(1)))).build();

        var metrics = as(World.service()).getComplianceMetrics(GetComplianceMetricsRequest.newBuilder()
                .setCompanyId(video.id().toString()).setPeriod(period).build());

        assertThat(metrics.getCompanyId()).isEqualTo(video.id().toString());
        Map<String, IndicatorValue> values = new java.util.HashMap<>();
        metrics.getValuesList().forEach(v -> values.put(v.getIndicator(), v));
        assertThat(values.get("MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS").getMeasured()).isTrue();
        assertThat(values.get("MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS").getValue()).isBetween(0.5, 1.75);
        assertThat(values.get("MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS").getSampleSize()).isEqualTo(2);
        assertThat(values.get("SHARE_OF_REMOVAL_ORDERS_ANSWERED_IN_TIME").getValue()).isEqualTo(0.5);
        assertThat(values.get("OVERDUE_REQUESTS").getValue()).isEqualTo(1);

        var nothing = as(World.service()).getComplianceMetrics(GetComplianceMetricsRequest.newBuilder()
                .setCompanyId(World.company("DE").id().toString()).setPeriod(period).build());
        assertThat(nothing.getValuesList()).hasSize(3).allSatisfy(v -> assertThat(v.getMeasured()).isFalse());
        assertThat(as(video.responder()).getComplianceMetrics(GetComplianceMetricsRequest.newBuilder()
                .setCompanyId(video.id().toString()).setPeriod(period).build()).getValuesCount()).isEqualTo(3);
    }

    @Test
    void complianceMetricsRefuseStrangersAndBadPeriods() {
        World.Company video = World.company("DE");
        World.Company chirp = World.company("DE");
        Period period = Period.newBuilder().setFrom(ts(now())).setTo(ts(now().plus(Duration.ofDays(1)))).build();

        assertCode(() -> as(World.appellant()).getComplianceMetrics(GetComplianceMetricsRequest.newBuilder()
                .setCompanyId(video.id().toString()).setPeriod(period).build()), Status.Code.PERMISSION_DENIED);
        assertCode(() -> as(chirp.responder()).getComplianceMetrics(GetComplianceMetricsRequest.newBuilder()
                .setCompanyId(video.id().toString()).setPeriod(period).build()), Status.Code.PERMISSION_DENIED);
        assertCode(() -> as(World.service()).getComplianceMetrics(GetComplianceMetricsRequest.newBuilder()
                .setCompanyId(video.id().toString()).build()), Status.Code.INVALID_ARGUMENT);
        assertCode(() -> as(World.service()).getComplianceMetrics(GetComplianceMetricsRequest.newBuilder()
                .setCompanyId("junk").setPeriod(period).build()), Status.Code.INVALID_ARGUMENT);
        assertCode(() -> as(World.service()).getComplianceMetrics(GetComplianceMetricsRequest.newBuilder()
                .setCompanyId(video.id().toString()).setPeriod(Period.newBuilder().setFrom(ts(now())).setTo(ts(now()))).build()),
                Status.Code.INVALID_ARGUMENT);
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static void assertCode(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }
}
