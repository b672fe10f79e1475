package org.parley.request.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.PartyRef;
import org.parley.request.lifecycle.domain.RequestAccess;
import org.parley.request.shared.domain.Overlap;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.testing.Drafts;

class OverlapDisclosureTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final PartyRef DE = new PartyRef(UUID.randomUUID(), "Authority of DE", "DE");
    static final UUID FR = UUID.randomUUID();
    static final UUID NL = UUID.randomUUID();
    static final PartyRef COMPANY = new PartyRef(UUID.randomUUID(), "Example Video", "IE");
    static final LocalDate GAG_UNTIL = LocalDate.of(2026, 4, 1);

    final GovernmentRequest order = submitted(null);

    @Test
    void anotherAuthorityIsToldOnlyThatARequestNamesTheSubjectOncePerSubject() {
        List<OverlappingRequest> found = List.of(other("url:a", FR, "FR", null), other("url:a", NL, "NL", null),
                other("url:b", FR, "FR", null));

        List<Overlap> told = OverlapDisclosure.toldTo(RequestAccess.AUTHORITY, order, found, NOW);

        assertThat(told).extracting(Overlap::subject).containsExactly("url:a spelt", "url:b spelt");
        assertThat(told).allSatisfy(o -> {
            assertThat(o.sameAuthority()).isFalse();
            assertThat(o.otherRequestId()).isNull();
            assertThat(o.otherType()).isNull();
            assertThat(o.otherAuthorityCountry()).isNull();
        });
    }

    @Test
    void theAuthoritysOwnOverlappingRequestsAreShownInFull() {
        OverlappingRequest own = other("url:a", DE.id(), "DE", GAG_UNTIL);

        assertThat(OverlapDisclosure.toldTo(RequestAccess.AUTHORITY, order, List.of(own), NOW)).singleElement()
                .isEqualTo(new Overlap("url:a spelt", RequestType.REFERRAL, "DE", true, own.requestId(), NOW));
    }

    @Test
    void aRequestUnderAGagOrderIsHiddenFromAnotherAuthorityUntilItEnds() {
        List<OverlappingRequest> found = List.of(other("url:a", FR, "FR", GAG_UNTIL));

        assertThat(OverlapDisclosure.toldTo(RequestAccess.AUTHORITY, order, found, NOW)).isEmpty();
        assertThat(OverlapDisclosure.toldTo(RequestAccess.AUTHORITY, order, found, Instant.parse("2026-04-01T23:59:59Z")))
                .isEmpty();
        assertThat(OverlapDisclosure.toldTo(RequestAccess.AUTHORITY, order, found, Instant.parse("2026-04-02T00:00:00Z")))
                .hasSize(1);
    }

    @Test
    void theCompanyAndOversightAreToldEveryOverlappingRequestInFull() {
        OverlappingRequest gagged = other("url:a", FR, "FR", GAG_UNTIL);
        Overlap full = new Overlap("url:a spelt", RequestType.REFERRAL, "FR", false, gagged.requestId(), NOW);

        assertThat(OverlapDisclosure.toldTo(RequestAccess.COMPANY, order, List.of(gagged), NOW)).containsExactly(full);
        assertThat(OverlapDisclosure.toldTo(RequestAccess.OVERSIGHT, order, List.of(gagged), NOW)).containsExactly(full);
        assertThat(OverlapDisclosure.toldTo(RequestAccess.NONE, order, List.of(gagged), NOW)).isEmpty();
    }

    @Test
    void theNewRequestsRecordSaysWhetherItsAuthorityIsToldOfAnyOverlap() {
        OverlapDisclosure.Flags told = OverlapDisclosure.flags(order,
                List.of(other("url:a", FR, "FR", GAG_UNTIL), other("url:a", NL, "NL", null)), NOW);
        OverlapDisclosure.Flags withheld = OverlapDisclosure.flags(order, List.of(other("url:a", FR, "FR", GAG_UNTIL)), NOW);

        assertThat(told.action()).isEqualTo(Overlap.FLAGGED);
        assertThat(told.subjects()).isEqualTo(1);
        assertThat(told.requests()).isEqualTo(2);
        assertThat(withheld.action()).isEqualTo(Overlap.WITHHELD);
    }

    @Test
    void anEarlierRequestIsFlaggedOnlyWhenItsAuthorityLearnsOfAnOverlapOnASubjectForTheFirstTime() {
        OverlappingRequest alone = other("url:a", FR, "FR", null);
        OverlappingRequest first = other("url:b", FR, "FR", null);
        OverlappingRequest second = other("url:b", NL, "NL", null);

        assertThat(OverlapDisclosure.flags(order, List.of(alone), NOW).earlierToldFirst()).containsExactly(alone.requestId());
        assertThat(OverlapDisclosure.flags(order, List.of(first, second), NOW).earlierToldFirst())
                .as("both already knew of each other").isEmpty();
    }

    @Test
    void anEarlierRequestWhoseOnlyOverlapsAreHiddenFromItIsFlaggedWhenARevealedOneComes() {
        OverlappingRequest earlier = other("url:a", FR, "FR", null);
        OverlappingRequest hiddenFromFr = other("url:a", NL, "NL", GAG_UNTIL);

        assertThat(OverlapDisclosure.flags(order, List.of(earlier, hiddenFromFr), NOW).earlierToldFirst())
                .as("NL already knew of FR's").containsExactly(earlier.requestId());
        assertThat(OverlapDisclosure.flags(submitted(GAG_UNTIL), List.of(earlier), NOW).earlierToldFirst())
                .as("a gagged newcomer is revealed to nobody else").isEmpty();
    }

    private static GovernmentRequest submitted(LocalDate gagUntil) {
        Drafts.Builder draft = Drafts.removalOrder(COMPANY.id());
        if (gagUntil != null) {
            draft.gag(gagUntil, "The uploader must not learn of the investigation yet.");
        }
        return GovernmentRequest.submit(UUID.randomUUID(), draft.build(), DE, COMPANY, "liaison", 3, List.of(),
                Optional.of(Duration.ofHours(1)), NOW);
    }

    private static OverlappingRequest other(String key, UUID authority, String country, LocalDate gagUntil) {
        return new OverlappingRequest(key, key + " spelt", UUID.randomUUID(), RequestType.REFERRAL, authority, country,
                gagUntil, NOW);
    }
}
