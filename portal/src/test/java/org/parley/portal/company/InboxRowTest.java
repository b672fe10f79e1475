package org.parley.portal.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A row pushed live takes the place the server would have given it. */
class InboxRowTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aRowsPlaceOrdersTheInboxAsTheServerDoes() {
        Random random = new Random(7);
        List<InboxRow> rows = new ArrayList<>();
        List<String> states = List.of("SUBMITTED", "ACKNOWLEDGED", "CLARIFICATION_REQUESTED", "FULFILLED", "WITHDRAWN");
        for (int i = 0; i < 300; i++) {
            String state = states.get(random.nextInt(states.size()));
            Instant received = NOW.minusSeconds(random.nextInt(7 * 24 * 3600));
            boolean stopped = "CLARIFICATION_REQUESTED".equals(state) && random.nextBoolean();
            Instant due = stopped || random.nextInt(10) == 0 ? null : received.plusSeconds(3600L * (1 + random.nextInt(72)));
            boolean overdue = due != null && due.isBefore(NOW);
            rows.add(new InboxRow("r" + i, "REMOVAL_ORDER", state, "ROUTINE", "Authority", "DE", received, due, overdue,
                    stopped, false, 0, null));
        }
        Collections.shuffle(rows, random);

        // the place never contradicts the server's order, and tells apart all but the rows the server
        // orders only by a later key (two rows due at the same instant)
        long apart = 0;
        long tied = 0;
        for (InboxRow a : rows) {
            for (InboxRow b : rows) {
                int server = Integer.signum(InboxRows.URGENCY.compare(a, b));
                int place = Long.signum(Long.compare(a.place(), b.place()));
                if (place != 0) {
                    assertThat(place).as("%s against %s", a, b).isEqualTo(server);
                }
                if (server != 0) {
                    apart++;
                    tied += place == 0 ? 1 : 0;
                }
            }
        }
        assertThat(tied).as("pairs the server orders that the place ties").isLessThan(apart / 100);
    }

    @Test
    void anOverdueRowComesBeforeOneCountingDownAndTheAnsweredLast() {
        InboxRow late = row("ACKNOWLEDGED", NOW.minusSeconds(300), true);
        InboxRow counting = row("SUBMITTED", NOW.plusSeconds(60), false);
        InboxRow answered = row("FULFILLED", null, false);

        assertThat(late.place()).isLessThan(counting.place());
        assertThat(counting.place()).isLessThan(answered.place());
    }

    private static InboxRow row(String state, Instant due, boolean overdue) {
        return new InboxRow("r", "REMOVAL_ORDER", state, "ROUTINE", "Authority", "DE", NOW.minusSeconds(3600), due,
                overdue, false, false, 0, null);
    }
}
