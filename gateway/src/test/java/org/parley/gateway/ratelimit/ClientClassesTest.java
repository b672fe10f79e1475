package org.parley.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.GatewayProperties.ClientClass;

class ClientClassesTest {

    private static final ClientClass RESPONDER = new ClientClass(List.of("company-responder"), List.of(), 1000, 200);
    private static final ClientClass SERVICE = new ClientClass(List.of("service"), List.of("parley-service"), 2000, 500);
    private static final ClientClass TOOLING = new ClientClass(List.of(), List.of("acme-inbox-sync"), 100, 200);

    @Test
    void tokenOfNoClassKeepsTheDefaultBudget() {
        ClientClasses classes = classes("responder", RESPONDER, "service", SERVICE);

        assertThat(classes.of(List.of("gov-liaison", "admin"), "parley-portal")).isEmpty();
        assertThat(classes.of(List.of(), null)).isEmpty();
    }

    @Test
    void aRoleOrTheClientSelectsTheClass() {
        ClientClasses classes = classes("responder", RESPONDER, "tooling", TOOLING);

        assertThat(classes.of(List.of("company-responder"), "parley-portal")).contains("responder");
        assertThat(classes.of(List.of("gov-liaison"), "acme-inbox-sync")).contains("tooling");
    }

    @Test
    void tokenOfSeveralClassesTakesTheHighestRateWhateverTheOrderTheyWereWritten() {
        assertThat(classes("responder", RESPONDER, "service", SERVICE).of(List.of("company-responder", "service"), null))
                .contains("service");
        assertThat(classes("service", SERVICE, "responder", RESPONDER).of(List.of("company-responder", "service"), null))
                .contains("service");
    }

    @Test
    void atTheSameRateTheLargerBurstWinsThenTheName() {
        // responder and tooling both refill 200/s: responder's burst is larger
        assertThat(classes("tooling", TOOLING, "responder", RESPONDER)
                .of(List.of("company-responder"), "acme-inbox-sync")).contains("responder");
        ClientClass twin = new ClientClass(List.of("company-responder"), List.of(), 1000, 200);
        assertThat(classes("zeta", twin, "alpha", RESPONDER).of(List.of("company-responder"), null)).contains("alpha");
    }

    private static ClientClasses classes(String firstName, ClientClass first, String secondName, ClientClass second) {
        Map<String, ClientClass> classes = new LinkedHashMap<>();
        classes.put(firstName, first);
        classes.put(secondName, second);
        return new ClientClasses(classes);
    }
}
