package org.parley.portal.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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

        List<InboxRow> byServer = rows.stream().sorted(InboxRows.URGENCY).toList();
        List<InboxRow> byPlace = rows.stream().sorted(Comparator.comparingLong(InboxRow::place)).toList();

        assertThat(byPlace).extracting(InboxRow::place).isEqualTo(byServer.stream().map(InboxRow::place).toList());
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
