package org.parley.stakeholder.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.stakeholder.support.Frameworks.framework;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.support.FakeMetricsServices.Mode;
import org.parley.stakeholder.support.StakeholderServiceIT;
import tools.jackson.databind.JsonNode;

/**
 * A pledge beside its measured record: values come from request-service and appeal-service (here
 * real gRPC fakes), and when they cannot say, the commitment still loads and says why.
 */
class MeasuredIndicatorIT extends StakeholderServiceIT {

    String company;
    String removalPledge;
    String appealPledge;

    @BeforeEach
    void aCompanyWithMeasuredPledges() {
        company = company("Measured Co " + System.nanoTime());
        String frameworkId = api.post("/api/v1/frameworks", framework("Measured " + System.nanoTime(), "T-1", "T-2"))
                .auth(ADMIN).send().json().get("id").asString();
        removalPledge = pledge(frameworkId, "T-1", "MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS", 1);
        appealPledge = pledge(frameworkId, "T-2", "APPEAL_DECISION_DAYS", 7);
    }

    @AfterEach
    void servicesBackUp() {
        METRICS.requests.start();
        METRICS.appeals.start();
    }

    String pledge(String frameworkId, String clause, String indicator, int target) {
        Reply reply = api.post("/api/v1/stakeholders/" + company + "/commitments", Map.of("frameworkId", frameworkId,
                "clauseNumber", clause, "targetDate", clock.today().plusMonths(3).toString(), "indicator", indicator,
                "targetValue", target)).auth(responderOf(company)).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    JsonNode indicatorOf(String commitment) {
        Reply reply = api.get("/api/v1/commitments/" + commitment).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("indicator");
    }

    static IndicatorValue value(String code, double value, long sample) {
        return IndicatorValue.newBuilder().setIndicator(code).setMeasured(true).setValue(value).setSampleSize(sample).build();
    }

    @Test
    void theMeasuredValueAndItsPeriodAppearBesideThePledge() {
        METRICS.requests.answer(value("MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS", 0.4, 37), value("OVERDUE_REQUESTS", 2, 120));

        JsonNode indicator = indicatorOf(removalPledge);

        assertThat(indicator.get("code").asString()).isEqualTo("MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS");
        assertThat(indicator.get("targetValue").asDouble()).isEqualTo(1.0);
        assertThat(indicator.get("targetUnit").asString()).isEqualTo("HOURS");
        assertThat(indicator.get("measurement").get("unit").asString()).isEqualTo("HOURS");
        JsonNode measurement = indicator.get("measurement");
        assertThat(measurement.get("state").asString()).isEqualTo("MEASURED");
        assertThat(measurement.get("value").asDouble()).isEqualTo(0.4);
        assertThat(measurement.get("sampleSize").asString()).as("only its band: daily polling gives no daily counts")
                .isEqualTo("20–49");
        assertThat(METRICS.requests.lastCompanyId()).isEqualTo(company);
        java.time.LocalDate from = java.time.LocalDate.ofInstant(java.time.Instant.parse(
                measurement.get("period").get("from").asString()), java.time.ZoneOffset.UTC);
        assertThat(measurement.get("period").get("from").asString()).as("a whole quarter, not a trailing window")
                .endsWith("T00:00:00Z");
        assertThat(from.getDayOfMonth()).isEqualTo(1);
        assertThat((from.getMonthValue() - 1) % 3).isZero();
        assertThat(measurement.get("period").get("to").asString())
                .isEqualTo(from.plusMonths(3).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString());
        assertThat(measurement.get("period").get("to").asString())
                .isEqualTo(java.time.Instant.ofEpochSecond(METRICS.requests.lastPeriod().getTo().getSeconds()).toString());
        assertThat(measurement.get("period").get("from").asString())
                .isEqualTo(java.time.Instant.ofEpochSecond(METRICS.requests.lastPeriod().getFrom().getSeconds()).toString());
    }

    @Test
    void anAppealDecisionTimeIsMeasuredAsTheShareOfAppealsDecidedInTime() {
        METRICS.appeals.answer(value("SHARE_OF_APPEALS_DECIDED_IN_TIME", 0.92, 25));

        JsonNode measurement = indicatorOf(appealPledge).get("measurement");

        assertThat(measurement.get("state").asString()).isEqualTo("MEASURED");
        assertThat(measurement.get("value").asDouble()).isEqualTo(0.92);
        assertThat(measurement.get("measuredAs").asString()).isEqualTo("SHARE_OF_APPEALS_DECIDED_IN_TIME");
        assertThat(measurement.get("unit").asString()).isEqualTo("SHARE");
        assertThat(indicatorOf(appealPledge).get("targetUnit").asString()).isEqualTo("DAYS");
    }

    @Test
    void theMeasuringServicesAreCalledAsThisServiceNeverWithTheReadersToken() {
        METRICS.requests.answer(value("MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS", 0.4, 37));

        api.get("/api/v1/commitments/" + removalPledge).auth(REVIEWER).send();

        // in these tests the service has no client credentials of its own, so nothing is sent
        assertThat(METRICS.requests.calls()).isEqualTo(1);
        assertThat(METRICS.requests.lastAuthorization()).isNull();
    }

    @Test
    void aServiceThatDoesNotComputeMetricsYetShowsNotYetMeasured() {
        METRICS.requests.mode(Mode.UNIMPLEMENTED);

        JsonNode measurement = indicatorOf(removalPledge).get("measurement");

        assertThat(measurement.get("state").asString()).isEqualTo("NOT_YET_MEASURED");
        assertThat(measurement.has("value")).isFalse();
        assertThat(breakers.circuitBreaker("request").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void noRecordsInThePeriodIsNotYetMeasuredNotZero() {
        METRICS.requests.answer(IndicatorValue.newBuilder().setIndicator("MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS")
                .setMeasured(false).build());

        JsonNode measurement = indicatorOf(removalPledge).get("measurement");

        assertThat(measurement.get("state").asString()).isEqualTo("NOT_YET_MEASURED");
        assertThat(measurement.has("value")).isFalse();
        assertThat(measurement.get("note").asString()).contains("No records");
    }

    @Test
    void whenTheServiceIsDownTheCommitmentStillLoadsWithTheIndicatorUnavailable() {
        METRICS.appeals.stop();

        Reply reply = api.get("/api/v1/commitments/" + appealPledge).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("PLEDGED");
        assertThat(reply.json().get("indicator").get("measurement").get("state").asString()).isEqualTo("UNAVAILABLE");
        assertThat(reply.json().get("indicator").get("measurement").has("value")).isFalse();
    }

    @Test
    void aServiceThatHangsIsCutOffByTheDeadline() {
        METRICS.requests.mode(Mode.HANG);

        JsonNode measurement = indicatorOf(removalPledge).get("measurement");

        assertThat(measurement.get("state").asString()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void repeatedFailuresOpenTheCircuitSoReadersNoLongerWaitForTheService() {
        METRICS.appeals.stop();
        CircuitBreaker breaker = breakers.circuitBreaker("appeal");

        for (int i = 0; i < 4; i++) {
            indicatorOf(appealPledge);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        METRICS.appeals.start();
        METRICS.appeals.answer(value("SHARE_OF_APPEALS_DECIDED_IN_TIME", 0.92, 25));
        int callsBefore = METRICS.appeals.calls();
        assertThat(indicatorOf(appealPledge).get("measurement").get("state").asString()).isEqualTo("UNAVAILABLE");
        assertThat(METRICS.appeals.calls()).as("no call while the circuit is open").isEqualTo(callsBefore);
        // the other service's breaker is its own: removal-order figures still load
        METRICS.requests.answer(value("MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS", 0.4, 37));
        assertThat(indicatorOf(removalPledge).get("measurement").get("state").asString()).isEqualTo("MEASURED");
    }

    @Test
    void aStakeholdersListAsksEachMeasuringServiceOncePerPage() {
        METRICS.requests.answer(value("MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS", 0.4, 37));
        METRICS.appeals.answer(value("SHARE_OF_APPEALS_DECIDED_IN_TIME", 0.92, 25));

        Reply list = api.get("/api/v1/stakeholders/" + company + "/commitments").send();

        assertThat(list.json().get("items").findValues("measurement")).extracting(m -> m.get("state").asString())
                .containsOnly("MEASURED").hasSize(2);
        assertThat(METRICS.requests.calls()).isEqualTo(1);
        assertThat(METRICS.appeals.calls()).isEqualTo(1);
    }
}
