package org.parley.appeal.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.GrpcReflection;
import org.parley.api.appeal.v1.AppealServiceGrpc;
import org.parley.api.appeal.v1.BatchGetRequestAppealOutcomesRequest;
import org.parley.api.appeal.v1.GetComplianceMetricsRequest;
import org.parley.api.appeal.v1.RequestAppealOutcome;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.api.common.v1.Period;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.TestTokens;

/**
 * What other services learn over real gRPC: the measured indicators stakeholder-service shows beside a
 * company's commitments, and the appeal outcomes request-service shows in each authority's record.
 */
class AppealGrpcIT extends AppealServiceIT {

    @Test
    void serverReflectionIsOffOutsideTheDemoProfile() {
        assertThat(GrpcReflection.offeredOn(grpcPort.port())).isFalse();
    }

    private ManagedChannel channel;
    private AppealServiceGrpc.AppealServiceBlockingStub asService;

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort.port()).usePlaintext().build();
        asService = as(TestTokens.bearer("service-account-parley-service", null, Role.SERVICE));
    }

    private AppealServiceGrpc.AppealServiceBlockingStub as(String bearer) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), bearer);
        return AppealServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void withoutASampleNothingIsMeasured() {
        Map<String, IndicatorValue> values = metrics(w.company(), clock.instant().minus(Duration.ofDays(30)), clock.instant());

        assertThat(values).containsOnlyKeys("SHARE_OF_APPEALS_DECIDED_IN_TIME", "MEDIAN_DAYS_TO_APPEAL_DECISION",
                "APPEAL_REVERSAL_RATE");
        assertThat(values.values()).allSatisfy(value -> {
            assertThat(value.getMeasured()).isFalse();
            assertThat(value.getSampleSize()).isZero();
        });
    }

    @Test
    void decisionsGiveTheShareDecidedInTimeTheMedianAndTheReversalRate() {
        STAKEHOLDERS.commit(w.company(), 7);
        Instant start = clock.instant();
        String first = filedAppeal().get("id").asText();
        String second = filedAppeal().get("id").asText();
        String third = filedAppeal().get("id").asText();
        String late = filedAppeal().get("id").asText();
        clock.advance(Duration.ofDays(2));
        decided(first, "REVERSED");
        clock.advance(Duration.ofDays(1));
        decided(second, "UPHELD");
        clock.advance(Duration.ofDays(2));
        decided(third, "PARTIALLY_REVERSED");
        clock.advance(Duration.ofDays(4));
        decided(late, "UPHELD");

        Map<String, IndicatorValue> values = metrics(w.company(), start.minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1)));

        IndicatorValue inTime = values.get("SHARE_OF_APPEALS_DECIDED_IN_TIME");
        assertThat(inTime.getMeasured()).isTrue();
        assertThat(inTime.getSampleSize()).isEqualTo(4);
        assertThat(inTime.getValue()).isEqualTo(0.75);
        IndicatorValue median = values.get("MEDIAN_DAYS_TO_APPEAL_DECISION");
        assertThat(median.getSampleSize()).isEqualTo(4);
        assertThat(median.getValue()).as("between 3 and 5 days").isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.01));
        IndicatorValue reversal = values.get("APPEAL_REVERSAL_RATE");
        assertThat(reversal.getValue()).isEqualTo(0.5);
        assertThat(reversal.getSampleSize()).isEqualTo(4);

        Map<String, IndicatorValue> otherCompany = metrics(w.otherCompany(), start.minus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(1)));
        assertThat(otherCompany.get("APPEAL_REVERSAL_RATE").getMeasured()).isFalse();
    }

    @Test
    void aMedianOverSeveralMonthsTakesWholeMonthsAndTheRaggedEndsEachOnce() {
        decideAfter(Instant.parse("2026-01-20T10:00:00Z"), Duration.ofHours(24));
        decideAfter(Instant.parse("2026-02-10T10:00:00Z"), Duration.ofHours(48));
        decideAfter(Instant.parse("2026-03-05T10:00:00Z"), Duration.ofHours(72));
        decideAfter(Instant.parse("2026-04-28T00:00:00Z"), Duration.ofHours(264));
        decideAfter(Instant.parse("2026-04-29T00:00:00Z"), Duration.ofHours(300).plusMinutes(59));

        // from the middle of January to the middle of May: February to April whole, the rest by day
        IndicatorValue median = metrics(w.company(), Instant.parse("2026-01-15T00:00:00Z"),
                Instant.parse("2026-05-20T00:00:00Z")).get("MEDIAN_DAYS_TO_APPEAL_DECISION");

        assertThat(median.getSampleSize()).as("each decision counted once").isEqualTo(5);
        assertThat(median.getValue()).as("the middle of 24, 48, 72, 264 and 300 hours").isEqualTo(3.0);
        assertThat(metrics(w.company(), Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"))
                .get("MEDIAN_DAYS_TO_APPEAL_DECISION").getValue()).as("February and March alone: 48 and 72 hours")
                .isEqualTo(2.5);
    }

    private void decideAfter(Instant filedAt, Duration took) {
        clock.set(filedAt);
        String appeal = filedAppeal().get("id").asText();
        clock.set(filedAt.plus(took));
        decided(appeal, "UPHELD");
    }

    @Test
    void callsNeedATokenAndValidArgumentsButHealthIsOpen() {
        var anonymous = AppealServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> anonymous.getComplianceMetrics(request(w.company(), clock.instant().minusSeconds(60), clock.instant())))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

        assertThatThrownBy(() -> asService.getComplianceMetrics(GetComplianceMetricsRequest.newBuilder().setCompanyId("acme").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    com.google.rpc.Status status = StatusProto.fromThrowable(e);
                    assertThat(status.getDetailsList()).anySatisfy(detail -> {
                        if (detail.is(BadRequest.class)) {
                            try {
                                assertThat(detail.unpack(BadRequest.class).getFieldViolationsList())
                                        .extracting(BadRequest.FieldViolation::getField)
                                        .containsExactlyInAnyOrder("company_id", "period");
                            } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                                throw new AssertionError(ex);
                            }
                        } else {
                            assertThat(detail.getTypeUrl()).contains("ErrorInfo");
                        }
                    });
                });
        assertThatThrownBy(() -> asService.getComplianceMetrics(request(w.company(), clock.instant(), clock.instant().minus(Duration.ofDays(3)))))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));

        assertThatThrownBy(() -> as(TestTokens.bearer("curious", null, Role.APPELLANT))
                .getComplianceMetrics(request(w.company(), clock.instant().minusSeconds(60), clock.instant())))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> as(w.stranger().bearer())
                .getComplianceMetrics(request(w.company(), clock.instant().minusSeconds(60), clock.instant())))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThat(as(w.colleague().bearer())
                .getComplianceMetrics(request(w.company(), clock.instant().minusSeconds(60), clock.instant()))
                .getValuesCount()).as("the company sees its own").isEqualTo(3);

        var health = io.grpc.health.v1.HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void requestServiceLearnsWhichOrdersWereReversedOnAppealByTheFinalDecision() {
        String reversedByCompany = REQUESTS.removalOrder(w.company());
        String reversedIndependently = REQUESTS.removalOrder(w.company());
        String notAppealed = REQUESTS.removalOrder(w.company());
        String first = filedAppeal(NoticeBody.notice(clock.instant()).requestId(reversedByCompany)).get("id").asText();
        recorded(NoticeBody.notice(clock.instant()).requestId(reversedByCompany));
        decided(first, "PARTIALLY_REVERSED");
        String second = filedAppeal(NoticeBody.notice(clock.instant()).requestId(reversedIndependently)).get("id").asText();
        decided(second, "UPHELD");
        api.post("/api/v1/appeals/" + second + "/escalation", Map.of("reason", "I disagree.")).auth(w.appellant().bearer()).send();
        independentlyDecided(second, "REVERSED");
        recorded(NoticeBody.notice(clock.instant()).requestId(notAppealed));

        Map<String, RequestAppealOutcome> outcomes = asService.batchGetRequestAppealOutcomes(
                BatchGetRequestAppealOutcomesRequest.newBuilder()
                        .addRequestIds(reversedByCompany).addRequestIds(reversedIndependently).addRequestIds(notAppealed)
                        .addRequestIds(java.util.UUID.randomUUID().toString()).addRequestIds("junk").build())
                .getOutcomesList().stream().collect(Collectors.toMap(RequestAppealOutcome::getRequestId, o -> o));

        assertThat(outcomes).containsOnlyKeys(reversedByCompany, reversedIndependently, notAppealed);
        assertThat(outcomes.get(reversedByCompany)).extracting(RequestAppealOutcome::getNotices,
                RequestAppealOutcome::getAppeals, RequestAppealOutcome::getReversed).containsExactly(2L, 1L, 1L);
        assertThat(outcomes.get(reversedIndependently).getReversed()).as("the independent decision counts").isEqualTo(1);
        assertThat(outcomes.get(notAppealed)).extracting(RequestAppealOutcome::getNotices,
                RequestAppealOutcome::getAppeals, RequestAppealOutcome::getReversed).containsExactly(1L, 0L, 0L);

        assertThatThrownBy(() -> as(w.colleague().bearer()).batchGetRequestAppealOutcomes(
                BatchGetRequestAppealOutcomesRequest.newBuilder().addRequestIds(reversedByCompany).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        BatchGetRequestAppealOutcomesRequest.Builder tooMany = BatchGetRequestAppealOutcomesRequest.newBuilder();
        for (int i = 0; i < 501; i++) {
            tooMany.addRequestIds(java.util.UUID.randomUUID().toString());
        }
        assertThatThrownBy(() -> asService.batchGetRequestAppealOutcomes(tooMany.build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    private Map<String, IndicatorValue> metrics(String company, Instant from, Instant to) {
        return asService.getComplianceMetrics(request(company, from, to)).getValuesList().stream()
                .collect(Collectors.toMap(IndicatorValue::getIndicator, value -> value));
    }

    private static GetComplianceMetricsRequest request(String company, Instant from, Instant to) {
        return GetComplianceMetricsRequest.newBuilder()
                .setCompanyId(company)
                .setPeriod(Period.newBuilder()
                        .setFrom(Timestamp.newBuilder().setSeconds(from.getEpochSecond()))
                        .setTo(Timestamp.newBuilder().setSeconds(to.getEpochSecond())))
                .build();
    }
}
