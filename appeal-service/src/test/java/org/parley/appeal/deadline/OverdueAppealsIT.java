package org.parley.appeal.deadline;

import org.parley.common.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.appeal.AppealServiceApplication;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.AppealTestConfiguration;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/** Two instances of the service on one database mark every overdue appeal exactly once. */
class OverdueAppealsIT extends AppealServiceIT {

    @Autowired
    DeadlineService here;

    @Autowired
    Environment environment;

    static ConfigurableApplicationContext secondInstance;

    /**
     * Started once for the class, with command-line arguments (they outrank application.yml, as they would
     * in production) pointing at the first instance's database.
     */
    @BeforeEach
    void startASecondInstance() {
        if (secondInstance != null) {
            return;
        }
        secondInstance = new SpringApplicationBuilder(AppealServiceApplication.class, TestSecurityConfiguration.class,
                AppealTestConfiguration.class)
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.grpc.server.port=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                        "--parley.downstream.stakeholder.address=" + STAKEHOLDERS.address(),
                        "--parley.downstream.request.address=" + REQUESTS.address(),
                        "--parley.grpc.service-client-id=",
                        "--parley.audit.checkpoints.dir=" + environment.getProperty("parley.audit.checkpoints.dir"),
                        "--parley.audit.checkpoints.signing-key=" + environment.getProperty("parley.audit.checkpoints.signing-key"),
                        "--parley.appeal.overdue-initial-delay=PT1H",
                        "--parley.appeal.overdue-scan-interval=PT1H",
                        "--parley.appeal.retention-initial-delay=PT1H",
                        // small batches, so that the two instances interleave
                        "--parley.appeal.overdue-batch=3");
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
            secondInstance = null;
        }
    }

    @Test
    void twoInstancesMarkEveryOverdueAppealOnceWithOneAuditRecordAndOneCount() throws Exception {
        List<String> appeals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            appeals.add(filedAppeal().get("id").asText());
        }
        JsonNode decidedInTime = filedAppeal();
        decided(decidedInTime.get("id").asText(), "UPHELD");

        Instant past = clock.instant().plus(Duration.ofDays(15));
        clock.set(past);
        secondInstance.getBean(MutableClock.class).set(past);
        DeadlineService there = secondInstance.getBean(DeadlineService.class);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> rounds = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (DeadlineService instance : List.of(here, there, here, there)) {
                Callable<Integer> round = () -> {
                    start.await();
                    return instance.markOverdue();
                };
                rounds.add(pool.submit(round));
            }
            start.countDown();
        }
        int marked = 0;
        for (Future<Integer> round : rounds) {
            marked += round.get();
        }

        assertThat(marked).isGreaterThanOrEqualTo(appeals.size());
        for (String appeal : appeals) {
            assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'APPEAL_OVERDUE'", appeal))
                    .as("audit records of " + appeal).isEqualTo(1);
            assertThat(count("select count(*) from appeal where id = ? and overdue_at is not null", UUID.fromString(appeal)))
                    .isEqualTo(1);
        }
        assertThat(count("select coalesce(sum(count), 0) from appeal_rollup where company_id = ? and metric = 'OVERDUE'",
                UUID.fromString(w.company()))).isEqualTo(appeals.size());
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'APPEAL_OVERDUE'",
                decidedInTime.get("id").asText())).as("a decided appeal is never overdue").isZero();

        assertThat(here.markOverdue() + there.markOverdue()).as("nothing left to mark").isZero();
        JsonNode seen = api.get("/api/v1/appeals/" + appeals.getFirst()).auth(w.appellant().bearer()).send().json();
        assertThat(seen.get("overdue").asBoolean()).isTrue();
        assertThat(seen.get("markedOverdueAt").asText()).isNotBlank();
    }

    @Test
    void anAppealDecidedLateIsNotInTimeAndWasMarkedOverdueBefore() {
        String appeal = filedAppeal().get("id").asText();
        clock.advance(Duration.ofDays(14).plusMinutes(1));
        here.markOverdue();

        JsonNode decided = decided(appeal, "REVERSED");

        assertThat(decided.get("decision").get("inTime").asBoolean()).isFalse();
        assertThat(decided.get("markedOverdueAt").asText()).isNotBlank();
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'APPEAL_OVERDUE'", appeal))
                .isEqualTo(1);
    }

    @Test
    void theAuditChainOfEveryChangeVerifies() {
        String appeal = filedAppeal().get("id").asText();
        decided(appeal, "UPHELD");

        var verification = api.get("/api/v1/admin/audit/appeal/verification").auth(w.admin().bearer()).send();

        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).isTrue();
        assertThat(verification.json().get("records").asLong()).isPositive();
        assertThat(api.get("/api/v1/admin/audit/appeal/verification").auth(w.colleague().bearer()).send().status())
                .isEqualTo(403);
    }
}
