package org.parley.appeal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Timestamp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.common.testkit.PrometheusScrape;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The metrics as a scraper reads them, on the management port: open appeals by state and the
 * overdue ones after appeals are made. The figures are read on every scrape here (a ttl of zero),
 * and the clock stands still between the scrapes a test compares.
 */
@TestPropertySource(properties = "parley.metrics.figures-ttl=PT0S")
class MetricsIT extends AppealServiceIT {

    @LocalManagementPort
    int managementPort;

    @Test
    void theGaugesCountOpenAppealsByStateAndTheOverdueOnes() {
        PrometheusScrape before = PrometheusScrape.of(managementPort);

        String filed = filedAppeal().get("id").asText();
        String inReview = filedAppeal().get("id").asText();
        assertThat(assign(w.colleague(), inReview, null).status()).isEqualTo(200);
        String escalated = filedAppeal().get("id").asText();
        decided(escalated, "UPHELD");
        assertThat(escalate(escalated).status()).isEqualTo(200);
        // what the deadline job does once the due time has passed, without moving the shared clock
        jdbc.sql("update appeal set overdue_at = :now where id = :id::uuid")
                .param("now", Timestamp.from(clock.instant())).param("id", filed).update();

        PrometheusScrape after = PrometheusScrape.of(managementPort);

        assertThat(delta(before, after, "parley_appeals_open", Map.of("state", "FILED"))).isEqualTo(1);
        assertThat(delta(before, after, "parley_appeals_open", Map.of("state", "IN_REVIEW"))).isEqualTo(1);
        assertThat(delta(before, after, "parley_appeals_open", Map.of("state", "ESCALATED"))).isEqualTo(1);
        assertThat(delta(before, after, "parley_appeals_overdue", Map.of())).isEqualTo(1);
        assertThat(after.valueOf("grpc_client_seconds_count", Map.of())).as("stakeholder- and request-service asked").isPositive();
    }

    @Test
    void theApplicationPortServesNoActuatorButTheProbes() {
        assertThat(PrometheusScrape.status(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))).isEqualTo(404);
        assertThat(PrometheusScrape.status(URI.create("http://127.0.0.1:" + port + "/readyz"))).isEqualTo(200);
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, Map<String, String> labels) {
        return after.valueOf(name, labels) - before.value(name, labels).orElse(0);
    }
}
