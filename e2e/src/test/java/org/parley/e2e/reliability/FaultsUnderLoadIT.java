package org.parley.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.KeycloakAdmin;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.ServiceDatabase;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.ParleyPlatform;
import org.parley.local.Topology;

/**
 * Faults while removal orders are being submitted: PostgreSQL away (an external server of this machine
 * restarted; the embedded one cutting every connection and refusing new ones for five seconds), each service killed with
 * SIGKILL and started again, Keycloak restarted. Whatever happens, no acknowledged order is lost,
 * none is stored twice, what answers meanwhile answers problem details, and the platform recovers
 * without anyone restarting the rest. Each fault prints one line of figures for
 * {@code docs/reliability.md}.
 */
@SystemTest
class FaultsUnderLoadIT {

    private static final String LOAD_LIAISON = "load-liaison@users.example";
    private static final String GERMANY = "01930000-0000-7000-8000-00000000a001";

    private static final Gateway gateway = Gateway.ofPlatform();
    private static final Tokens tokens = Tokens.ofPlatform();
    private static ParleyPlatform platform;

    @BeforeAll
    static void liaison() {
        platform = RunningPlatform.platform();
        // a liaison of its own, so that its orders can be counted in the database
        KeycloakAdmin.ofPlatform().createUser(Topology.REALM, LOAD_LIAISON, Tokens.DEMO_PASSWORD, "gov-liaison", GERMANY);
    }

    @Test
    void postgresqlRestartedUnderLoad() throws Exception {
        String[] done = new String[1];
        Outcome outcome = underLoad("PostgreSQL away", () -> done[0] = platform.interruptDatabase());
        System.out.println("fault: PostgreSQL away: " + done[0]);
        assertThat(outcome.recovered()).as("orders are acknowledged again after the restart").isNotNull();
    }

    @Test
    void requestServiceKilledUnderLoad() throws Exception {
        underLoad("request-service killed", killedAndStarted(Topology.REQUEST_SERVICE, "/api/v1/requests", "liaison-de-1@parley.local"));
    }

    @Test
    void stakeholderServiceKilledUnderLoad() throws Exception {
        underLoad("stakeholder-service killed",
                killedAndStarted(Topology.STAKEHOLDER_SERVICE, "/api/v1/stakeholders/" + GERMANY + "/members", "admin@parley.local"));
    }

    @Test
    void appealServiceKilledUnderLoad() throws Exception {
        Outcome outcome = underLoad("appeal-service killed",
                killedAndStarted(Topology.APPEAL_SERVICE, "/api/v1/notices", "responder-streamly-1@parley.local"));
        assertThat(outcome.load().failureCount()).as("orders do not need appeal-service").isZero();
        Reply back = gateway.get("/api/v1/notices", tokens.of("responder-streamly-1@parley.local"));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
    }

    @Test
    void keycloakRestartedUnderLoadTokensAlreadyIssuedKeepWorking() throws Exception {
        Outcome outcome = underLoad("Keycloak restarted", () -> {
            platform.stop(Topology.KEYCLOAK);
            sleep(5_000);
            platform.start(Topology.KEYCLOAK);
        });
        assertThat(outcome.load().failureCount()).as("tokens already issued keep working while Keycloak is away").isZero();
        assertThat(tokens.of("liaison-fr@parley.local")).as("and new ones are issued again").isNotBlank();
    }

    // ---- one fault under load -----------------------------------------------------------------------

    private record Outcome(SubmissionLoad load, Duration recovered) {}

    private interface Fault {
        void inject() throws Exception;
    }

    /**
     * Runs the load, lets it settle, injects the fault, waits for acknowledgements to resume, runs a
     * few seconds more, stops, and checks every acknowledged order against the API and the database.
     */
    private Outcome underLoad(String name, Fault fault) throws Exception {
        String token = tokens.of(LOAD_LIAISON);
        long storedBefore = storedOrders(subject(token));
        SubmissionLoad load = new SubmissionLoad(gateway, token, 3, Duration.ofMillis(100)).start();
        Duration recovered;
        try {
            sleep(3_000);
            long faultAt = System.nanoTime();
            fault.inject();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            long ackBefore = load.acknowledged.size();
            while (load.acknowledged.size() <= ackBefore + 5 && System.nanoTime() < deadline) {
                sleep(100);
            }
            recovered = load.lastAckNanos.get() > faultAt ? Duration.ofNanos(lastFailureOrFault(load, faultAt) - faultAt) : null;
            sleep(3_000);
        } finally {
            load.close();
        }

        long lost = load.acknowledged.size() - storedAmong(load.acknowledged);
        long stored = storedOrders(subject(token)) - storedBefore;
        System.out.printf("fault: %s: %d orders sent, %d acknowledged, %d lost, %d stored, %d given up, failures %s, "
                        + "answering again %s after the fault%n",
                name, load.keys.get(), load.acknowledged.size(), lost, stored, load.keysGivenUp.size(), load.failureCounts(),
                recovered == null ? "never" : recovered.toMillis() + " ms");

        assertThat(lost).as("acknowledged orders lost").isZero();
        assertThat(load.failureCounts().keySet()).as("whatever failed meanwhile answered problem details")
                .allMatch(kind -> kind.endsWith(" problem"));
        assertThat(load.keysGivenUp).as("orders never acknowledged within two minutes").isEmpty();
        assertThat(stored).as("each order stored once: as many rows as orders").isEqualTo(load.keys.get());
        assertThat(load.acknowledged).hasSize((int) load.keys.get());
        return new Outcome(load, recovered);
    }

    /** A service killed with SIGKILL, its paths answering 503 problem details meanwhile, then started again. */
    private static Fault killedAndStarted(String service, String probe, String login) {
        return () -> {
            platform.kill(service);
            awaitProblem503(probe, login);
            platform.start(service);
        };
    }

    /** When the failures ended: the last failure after the fault, or the fault itself if none followed. */
    private static long lastFailureOrFault(SubmissionLoad load, long faultAt) {
        return Math.max(load.lastFailureNanos.get(), faultAt);
    }

    /** While a service is down the gateway answers 503 with problem details for its paths. */
    private static void awaitProblem503(String path, String login) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Reply reply;
        do {
            reply = gateway.get(path, tokens.of(login));
            if (reply.status() == 503) {
                break;
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        assertThat(reply.status()).as("while the service is down: %s", reply).isEqualTo(503);
        assertThat(Objects.toString(reply.header("Content-Type"), "")).startsWith("application/problem+json");
    }

    private static long storedOrders(String subject) throws SQLException {
        try (Connection connection = ServiceDatabase.connect(Topology.REQUEST_SERVICE);
                PreparedStatement query = connection.prepareStatement("select count(*) from government_request where submitted_by = ?")) {
            query.setString(1, subject);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** How many of these request ids are in request-service's database. */
    private static long storedAmong(java.util.Collection<String> ids) throws SQLException {
        try (Connection connection = ServiceDatabase.connect(Topology.REQUEST_SERVICE);
                PreparedStatement query = connection.prepareStatement("select count(*) from government_request where id = any (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.stream().map(java.util.UUID::fromString).toArray()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String subject(String token) {
        return Tokens.claims(token).path("sub").asString();
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
