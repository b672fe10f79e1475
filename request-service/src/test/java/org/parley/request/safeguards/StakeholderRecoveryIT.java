package org.parley.request.safeguards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.parley.common.testkit.TestTokens;
import org.parley.request.support.Bodies;
import org.parley.request.support.FakeStakeholderService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * stakeholder-service goes down and comes back on the same address: the very next submission is
 * served, rather than refused until the channel's reconnect backoff (up to two minutes) runs out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "parley.request.overdue-sweep-initial-delay=PT240H",
        "parley.request.retention-initial-delay=PT240H",
        "parley.grpc.service-client-id="})
@Import(TestSecurityConfiguration.class)
class StakeholderRecoveryIT {

    static final FakeStakeholderService STAKEHOLDERS = FakeStakeholderService.separate();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry, "request_recovery");
        registry.add("parley.downstream.stakeholder.address", () -> "static://127.0.0.1:" + STAKEHOLDERS.port());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        STAKEHOLDERS.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void aStakeholderServiceThatComesBackIsUsedAtOnce() throws InterruptedException {
        UUID authority = STAKEHOLDERS.registerState("Authority DE (recovery)", "DE");
        UUID company = STAKEHOLDERS.registerCompany("Company (recovery)", List.of("DE"));
        String liaison = TestTokens.bearer("liaison-recovery", authority.toString(), Role.GOV_LIAISON);
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        assertThat(api.post("/api/v1/requests", Bodies.removalOrder(company)).auth(liaison).send().status()).isEqualTo(201);

        STAKEHOLDERS.stop();
        Reply down = api.post("/api/v1/requests", Bodies.removalOrder(company)).auth(liaison).send();
        STAKEHOLDERS.restart();
        Reply back = api.post("/api/v1/requests", Bodies.removalOrder(company)).auth(liaison).send();

        assertThat(down.status()).isEqualTo(503);
        assertThat(back.status()).as(back.toString()).isEqualTo(201);
    }
}
