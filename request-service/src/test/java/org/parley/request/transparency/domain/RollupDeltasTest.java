package org.parley.request.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.request.lifecycle.domain.CompanyResponse;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.Outcome;
import org.parley.request.lifecycle.domain.PartyRef;
import org.parley.request.testing.Drafts;

class RollupDeltasTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final PartyRef AUTHORITY = new PartyRef(UUID.randomUUID(), "DE authority", "DE");
    static final PartyRef COMPANY = new PartyRef(UUID.randomUUID(), "Example Video", "IE");

    static GovernmentRequest submitted() {
        return GovernmentRequest.submit(UUID.randomUUID(), Drafts.removalOrder(COMPANY.id()).build(), AUTHORITY, COMPANY,
                "s1", 1, List.of(), Optional.of(Duration.ofHours(1)), T0);
    }

    @Test
    void aNewRequestCountsOncePerGrainAsPending() {
        List<RollupDelta> deltas = RollupDeltas.of(submitted());

        assertThat(deltas).hasSize(3).allSatisfy(d -> {
            assertThat(d.requests()).isEqualTo(1);
            assertThat(d.key().outcome()).isEqualTo(ReportedOutcome.PENDING);
            assertThat(d.key().authorityCountry()).isEqualTo("DE");
        });
        assertThat(deltas).extracting(d -> d.key().periodStart())
                .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 1, 1));
    }

    @Test
    void anAcknowledgementChangesNothingCounted() {
        GovernmentRequest before = submitted();

        assertThat(RollupDeltas.between(before, before.acknowledge(T0))).isEmpty();
    }

    @Test
    void anOverdueMarkAddsToTheCellTheRequestIsIn() {
        GovernmentRequest before = submitted();
        GovernmentRequest marked = before.markOverdue(T0.plus(Duration.ofMinutes(61)));

        assertThat(RollupDeltas.between(before, marked)).hasSize(3).allSatisfy(d -> {
            assertThat(d.requests()).isZero();
            assertThat(d.overdue()).isEqualTo(1);
            assertThat(d.key().outcome()).isEqualTo(ReportedOutcome.PENDING);
        });
    }

    @Test
    void anAnswerMovesTheRequestWithItsOverdueMarkFromPendingToItsOutcome() {
        GovernmentRequest marked = submitted().acknowledge(T0).markOverdue(T0.plus(Duration.ofMinutes(61)));
        GovernmentRequest answered = marked.respond(new CompanyResponse(Outcome.FULFILLED, List.of(), "Removed.",
                T0.plus(Duration.ofMinutes(62)), null), T0.plus(Duration.ofMinutes(62)));

        List<RollupDelta> deltas = RollupDeltas.between(marked, answered);

        assertThat(deltas).hasSize(6);
        assertThat(deltas).filteredOn(d -> d.key().outcome() == ReportedOutcome.PENDING).allSatisfy(d -> {
            assertThat(d.requests()).isEqualTo(-1);
            assertThat(d.overdue()).isEqualTo(-1);
        });
        assertThat(deltas).filteredOn(d -> d.key().outcome() == ReportedOutcome.FULFILLED).allSatisfy(d -> {
            assertThat(d.requests()).isEqualTo(1);
            assertThat(d.overdue()).isEqualTo(1);
            assertThat(d.answered()).isEqualTo(1);
            assertThat(d.answeredInTime()).isZero();
            assertThat(d.bucket()).isEqualTo(AnswerTimeHistogram.bucketOf(Duration.ofMinutes(62)));
            assertThat(d.bucketCount()).isEqualTo(1);
        });
    }

    @Test
    void deltasComeSortedSoThatTransactionsLockCellsInOneOrder() {
        GovernmentRequest before = submitted().acknowledge(T0);
        GovernmentRequest after = before.withdraw(T0.plusSeconds(5));

        List<RollupDelta> deltas = RollupDeltas.between(before, after);

        assertThat(deltas).extracting(RollupDelta::key).isSorted();
    }

    @Test
    void anUnconfirmedEmergencyIsNotCountedUntilItReachesTheCompany() {
        GovernmentRequest emergency = GovernmentRequest.submit(UUID.randomUUID(),
                Drafts.emergencyDisclosure(COMPANY.id()).build(), AUTHORITY, COMPANY, "s1", 1, List.of(),
                Optional.of(Duration.ofHours(4)), T0);

        assertThat(RollupDeltas.of(emergency)).isEmpty();
        assertThat(RollupDeltas.between(emergency, emergency.confirm("s2", T0.plusSeconds(60)))).hasSize(3);
    }
}
