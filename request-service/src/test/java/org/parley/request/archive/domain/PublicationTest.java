package org.parley.request.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.request.lifecycle.domain.CompanyResponse;
import org.parley.request.lifecycle.domain.Disclosure;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.Outcome;
import org.parley.request.lifecycle.domain.PartyRef;
import org.parley.request.lifecycle.domain.ReasonCode;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.SubjectKind;
import org.parley.request.shared.domain.Submission;
import org.parley.request.testing.Drafts;

class PublicationTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final PartyRef AUTHORITY = new PartyRef(UUID.randomUUID(), "Authority of DE", "DE");
    static final PartyRef COMPANY = new PartyRef(UUID.randomUUID(), "Example Video", null);

    private static GovernmentRequest submitted(Submission content) {
        return GovernmentRequest.submit(UUID.randomUUID(), content, AUTHORITY, COMPANY, "liaison-1", 3, List.of(),
                Optional.of(Duration.ofHours(1)), T0);
    }

    private static GovernmentRequest answered(GovernmentRequest r, Outcome outcome, Instant at) {
        boolean delivers = outcome.complied() && r.content().type().disclosesData();
        return r.acknowledge(at).respond(new CompanyResponse(outcome,
                outcome == Outcome.REJECTED || outcome == Outcome.PARTIALLY_FULFILLED ? List.of(ReasonCode.OVERBROAD) : List.of(),
                "Alice's video was removed.", outcome.complied() ? at : null,
                delivers ? new Disclosure(3, "a".repeat(64)) : null), at);
    }

    @Test
    void aRequestIsNeverPublishableBeforeItIsFinal() {
        GovernmentRequest open = submitted(Drafts.removalOrder(COMPANY.id()).build());
        assertThat(Publication.publishable(open, T0)).isFalse();
        assertThat(Publication.publishable(open.acknowledge(T0), T0.plus(Duration.ofDays(3000)))).isFalse();
        assertThat(Publication.publishableFrom(open)).isEmpty();
    }

    @Test
    void aFinalRequestWithoutGagIsPublishableAtOnce() {
        Instant at = T0.plusSeconds(600);
        for (Outcome outcome : Outcome.values()) {
            GovernmentRequest done = answered(submitted(Drafts.removalOrder(COMPANY.id()).build()), outcome, at);
            assertThat(Publication.publishable(done, at)).as(outcome.name()).isTrue();
            assertThat(Publication.publishableFrom(done)).contains(at);
        }
        GovernmentRequest withdrawn = submitted(Drafts.removalOrder(COMPANY.id()).build()).withdraw(at);
        assertThat(Publication.publishable(withdrawn, at)).isTrue();
        assertThat(Publication.publishableFrom(withdrawn)).contains(at);
    }

    @Test
    void aGaggedRequestIsPublishableFromTheFirstInstantAfterItsLastDay() {
        LocalDate until = LocalDate.parse("2026-06-30");
        GovernmentRequest gagged = submitted(Drafts.removalOrder(COMPANY.id())
                .gag(until, "The suspects must not learn of the investigation yet.").build());
        GovernmentRequest done = answered(gagged, Outcome.FULFILLED, T0.plusSeconds(600));
        Instant lapse = Instant.parse("2026-07-01T00:00:00Z");
        assertThat(Publication.publishable(done, T0.plusSeconds(600))).isFalse();
        assertThat(Publication.publishable(done, lapse.minusMillis(1))).as("the whole last day is gagged").isFalse();
        assertThat(Publication.publishable(done, lapse)).isTrue();
        assertThat(Publication.publishableFrom(done)).contains(lapse);
    }

    @Test
    void aGagThatEndedBeforeTheAnswerDoesNotDelayIt() {
        GovernmentRequest gagged = submitted(Drafts.removalOrder(COMPANY.id())
                .gag(LocalDate.parse("2026-03-03"), "Short gag for the first day of the investigation.").build());
        Instant at = Instant.parse("2026-03-10T10:00:00Z");
        GovernmentRequest done = answered(gagged, Outcome.REJECTED, at);
        assertThat(Publication.publishable(done, at)).isTrue();
        assertThat(Publication.publishableFrom(done)).contains(at);
    }

    @Test
    void anEmergencyDisclosureWithdrawnBeforeConfirmationIsNeverPublished() {
        GovernmentRequest unconfirmed = submitted(Drafts.emergencyDisclosure(COMPANY.id()).build());
        GovernmentRequest withdrawn = unconfirmed.withdraw(T0.plusSeconds(60));
        assertThat(withdrawn.state().isFinal()).isTrue();
        assertThat(Publication.publishable(withdrawn, T0.plus(Duration.ofDays(1)))).isFalse();
        assertThat(Publication.publishableFrom(withdrawn)).isEmpty();
    }

    @Test
    void theRecordCarriesNoFreeTextAndRedactedSubjects() {
        Instant at = T0.plusSeconds(1800);
        GovernmentRequest done = answered(submitted(Drafts.information(COMPANY.id())
                .onlySubject(SubjectKind.ACCOUNT, "alice-smith")
                .subject(SubjectKind.URL, "https://alice.blog.example/posts/1").build()), Outcome.FULFILLED, at);
        PublicRecord record = PublicRecord.of(done, at);
        assertThat(record.outcome()).isEqualTo("FULFILLED");
        assertThat(record.answerHours()).isEqualTo(0.5);
        assertThat(record.dataCategories()).isNotEmpty().allSatisfy(c -> assertThat(c).isInstanceOf(DataCategory.class));
        assertThat(record.subjects().subjects()).extracting(RedactedSubject::shown)
                .containsExactly("[redacted]", "https://[redacted].blog.example/[redacted]");
        assertThat(record.toString()).doesNotContain("alice", "Alice", done.content().necessityStatement(),
                done.content().proportionalityStatement());
        assertThat(record.searchText()).contains("blog.example");
        assertThat(record.disclosedItems()).isEqualTo(3);
    }

    @Test
    void aWithdrawnRecordHasNoAnswerTime() {
        GovernmentRequest withdrawn = submitted(Drafts.removalOrder(COMPANY.id()).build()).withdraw(T0.plusSeconds(60));
        PublicRecord record = PublicRecord.of(withdrawn, T0.plusSeconds(60));
        assertThat(record.outcome()).isEqualTo("WITHDRAWN");
        assertThat(record.answerTime()).isNull();
        assertThat(record.answerHours()).isNull();
        assertThat(record.withdrawnAt()).isEqualTo(T0.plusSeconds(60));
    }
}
