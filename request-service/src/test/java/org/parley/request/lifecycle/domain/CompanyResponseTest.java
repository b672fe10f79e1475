package org.parley.request.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.FieldError;
import org.parley.request.shared.domain.RequestType;

class CompanyResponseTest {

    static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-02T09:40:00Z");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static List<String> fields(CompanyResponse response, RequestType type) {
        return response.fieldErrors(type, RECEIVED, NOW).stream().map(FieldError::field).toList();
    }

    @Test
    void aFulfilledRemovalSaysWhenTheContentWasRemoved() {
        assertThat(fields(new CompanyResponse(Outcome.FULFILLED, List.of(), "Removed.", NOW, null), RequestType.REMOVAL_ORDER)).isEmpty();
        assertThat(fields(new CompanyResponse(Outcome.FULFILLED, List.of(), "Removed.", null, null), RequestType.REMOVAL_ORDER))
                .containsExactly("actionTakenAt");
    }

    @Test
    void aRejectionGivesItsReasons() {
        assertThat(fields(new CompanyResponse(Outcome.REJECTED, List.of(), "No.", null, null), RequestType.REMOVAL_ORDER))
                .containsExactly("reasonCodes");
        assertThat(fields(new CompanyResponse(Outcome.REJECTED, List.of(ReasonCode.OVERBROAD), "Overbroad.", null, null),
                RequestType.REMOVAL_ORDER)).isEmpty();
    }

    @Test
    void aFulfilledDisclosureGivesOnlyTheItemCountAndTheDigestOfThePackage() {
        CompanyResponse good = new CompanyResponse(Outcome.FULFILLED, List.of(), "Delivered.", NOW, new Disclosure(3, SHA.toUpperCase()));
        CompanyResponse missing = new CompanyResponse(Outcome.FULFILLED, List.of(), "Delivered.", NOW, null);
        CompanyResponse badDigest = new CompanyResponse(Outcome.FULFILLED, List.of(), "Delivered.", NOW, new Disclosure(-1, "abc"));

        assertThat(fields(good, RequestType.INFORMATION)).isEmpty();
        assertThat(good.disclosure().packageSha256()).isEqualTo(SHA);
        assertThat(fields(missing, RequestType.INFORMATION)).containsExactly("disclosure");
        assertThat(fields(badDigest, RequestType.INFORMATION))
                .containsExactly("disclosure.itemCount", "disclosure.packageSha256");
    }

    @Test
    void onlyADisclosureDeliversAPackage() {
        assertThat(fields(new CompanyResponse(Outcome.FULFILLED, List.of(), "Removed.", NOW, new Disclosure(1, SHA)),
                RequestType.REMOVAL_ORDER)).containsExactly("disclosure");
    }

    @Test
    void timesMustFallBetweenReceiptAndNow() {
        assertThat(fields(new CompanyResponse(Outcome.FULFILLED, List.of(), "x", NOW.plusSeconds(61), null), RequestType.REFERRAL))
                .containsExactly("actionTakenAt");
        assertThat(fields(new CompanyResponse(Outcome.FULFILLED, List.of(), "x", RECEIVED.minusSeconds(1), null), RequestType.REFERRAL))
                .containsExactly("actionTakenAt");
    }

    @Test
    void aClientClockInWholeSecondsOrSlightlyAheadIsNotRefused() {
        Instant receivedMidSecond = RECEIVED.plusMillis(700);

        assertThat(new CompanyResponse(Outcome.FULFILLED, List.of(), "x", RECEIVED, null)
                .fieldErrors(RequestType.REFERRAL, receivedMidSecond, NOW)).isEmpty();
        assertThat(fields(new CompanyResponse(Outcome.FULFILLED, List.of(), "x", NOW.plusSeconds(30), null), RequestType.REFERRAL))
                .isEmpty();
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        assertThat(fields(new CompanyResponse(null, null, " ", null, null), RequestType.REMOVAL_ORDER))
                .containsExactly("outcome", "explanation");
    }
}
