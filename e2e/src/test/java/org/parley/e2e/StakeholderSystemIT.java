package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.ParleyPlatform;
import org.parley.local.Topology;
import tools.jackson.databind.JsonNode;

@SystemTest
class StakeholderSystemIT {

    private static final String STAKEHOLDERS = "/api/v1/stakeholders";

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();

    @Test
    void adminRegistersAStakeholderThatAnyoneCanReadBack() {
        String name = "Ministry of Interior of Ruritania " + UUID.randomUUID();

        Reply created = gateway.post(STAKEHOLDERS, tokens.of("admin@parley.local"), registration(name));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = Objects.requireNonNull(created.header("Location"), "Location");
        assertThat(location).contains(STAKEHOLDERS + "/");
        JsonNode body = created.json();
        assertThat(body.path("id").asString()).isNotBlank();
        assertThat(body.path("status").asString()).isEqualTo("ACTIVE");

        Reply read = gateway.get(location);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("id").asString()).isEqualTo(body.path("id").asString());
        assertThat(read.json().path("name").asString()).isEqualTo(name);
        assertThat(read.json().path("kind").asString()).isEqualTo("STATE");
        assertThat(read.header("X-Correlation-Id")).isNotNull();
    }

    @Test
    void registeringWithoutATokenIs401Problem() {
        Reply response = gateway.post(STAKEHOLDERS, null, registration("Nobody's ministry"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
        // the gateway's own problems have the services' shape
        assertThat(response.json().path("type").asString()).isEqualTo("urn:parley:problem:unauthorized");
        assertThat(response.json().path("reason").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void liaisonMayNotRegisterStakeholders() {
        Reply response = gateway.post(STAKEHOLDERS, tokens.of("liaison-de-1@parley.local"), registration("Liaison's ministry"));

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
    }

    @Test
    void malformedJsonIs400ProblemAndCreatesNothing() {
        String admin = tokens.of("admin@parley.local");
        int before = count(admin);

        Reply response = gateway.post(STAKEHOLDERS, admin, "{\"name\": \"Broken ministry\", \"kind\": ");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(count(admin)).isEqualTo(before);
    }

    @Test
    void gatewayAnswers503WhileStakeholderServiceIsDownAndRecoversAfterItsRestart() {
        ParleyPlatform platform = RunningPlatform.platform();
        Map<String, Long> othersBefore = othersThan(Topology.STAKEHOLDER_SERVICE, platform.pids());
        platform.stop(Topology.STAKEHOLDER_SERVICE);
        try {
            Reply down = gateway.get(STAKEHOLDERS);

            assertThat(down.status()).as(down.toString()).isEqualTo(503);
            assertThat(down.isProblem()).as(down.toString()).isTrue();
            JsonNode problem = down.json();
            assertThat(problem.path("status").asInt()).isEqualTo(503);
            assertThat(problem.path("title").asString()).isNotBlank();
            assertThat(problem.path("type").asString()).isEqualTo("urn:parley:problem:service-unavailable");
            assertThat(problem.path("reason").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(problem.path("detail").asString()).contains("stakeholder-service");
        } finally {
            platform.start(Topology.STAKEHOLDER_SERVICE);
        }

        Reply up = awaitStatus(STAKEHOLDERS, 200, Duration.ofSeconds(30));

        assertThat(up.status()).as(up.toString()).isEqualTo(200);
        assertThat(up.json().path("items").isArray()).isTrue();
        assertThat(othersThan(Topology.STAKEHOLDER_SERVICE, platform.pids())).isEqualTo(othersBefore);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static String registration(String name) {
        return Gateway.json(Map.of("name", name, "kind", "STATE", "country", "RU", "jurisdictions", List.of("RU")));
    }

    /** All stakeholders an admin sees (every page). */
    private int count(String adminToken) {
        int count = 0;
        String pageToken = null;
        do {
            Reply page = gateway.get(STAKEHOLDERS + "?pageSize=500"
                    + (pageToken == null ? "" : "&pageToken=" + pageToken), adminToken);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            count += page.json().path("items").size();
            JsonNode next = page.json().path("nextPageToken");
            pageToken = next.isString() && !next.asString().isEmpty() ? next.asString() : null;
        } while (pageToken != null);
        return count;
    }

    /** Polls (the circuit breaker may still be open for a few seconds after a restart). */
    private Reply awaitStatus(String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply last;
        do {
            last = gateway.get(path);
            if (last.status() == status) {
                return last;
            }
            sleep(500);
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static Map<String, Long> othersThan(String name, Map<String, Long> pids) {
        Map<String, Long> others = new java.util.TreeMap<>(pids);
        others.remove(name);
        return others;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
