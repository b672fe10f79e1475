package org.parley.appeal.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderDisclosureTest {

    private static final Instant UNTIL = Instant.parse("2027-01-31T00:00:00Z");

    @Test
    void anOrderInForceUnderAGagIsOnlySaidToExistAndUntilWhen() {
        OrderSummary gagged = new OrderSummary(UUID.randomUUID(), UUID.randomUUID(), true, Optional.of(UNTIL), null, null,
                Optional.empty(), Optional.empty());

        OrderDisclosure shown = OrderDisclosure.of(new OrderLookup.Found(gagged));

        assertThat(shown).isEqualTo(new OrderDisclosure.Confidential(UNTIL));
        assertThat(shown.complete()).isTrue();
    }

    @Test
    void anOpenOrderShowsItsAuthorityTypeAndLegalBasis() {
        LegalBasis basis = new LegalBasis("Regulation (EU) 2021/784", "Art. 3", "DE");
        OrderSummary open = new OrderSummary(UUID.randomUUID(), UUID.randomUUID(), false, Optional.empty(), "Germany", "DE",
                Optional.of("REMOVAL_ORDER"), Optional.of(basis));

        assertThat(OrderDisclosure.of(new OrderLookup.Found(open)))
                .isEqualTo(new OrderDisclosure.Disclosed("Germany", "DE", "REMOVAL_ORDER", basis));
    }

    @Test
    void anOrderThatCannotBeFetchedIsIncompleteNeverNone() {
        assertThat(OrderDisclosure.of(new OrderLookup.Unreachable())).isInstanceOf(OrderDisclosure.Unavailable.class);
        assertThat(OrderDisclosure.of(new OrderLookup.Missing())).isInstanceOf(OrderDisclosure.Unavailable.class);
        assertThat(new OrderDisclosure.Unavailable().complete()).isFalse();
    }

    @Test
    void onlyRemovalOrdersAndReferralsCauseRemovalsAndAnUnknownTypeIsGivenTheBenefitOfTheDoubt() {
        assertThat(summary("REMOVAL_ORDER").mayCauseRemoval()).isTrue();
        assertThat(summary("REFERRAL").mayCauseRemoval()).isTrue();
        assertThat(summary("INFORMATION").mayCauseRemoval()).isFalse();
        assertThat(summary("PRESERVATION").mayCauseRemoval()).isFalse();
        assertThat(summary(null).mayCauseRemoval()).as("type hidden by a gag").isTrue();
    }

    private static OrderSummary summary(String type) {
        return new OrderSummary(UUID.randomUUID(), UUID.randomUUID(), type == null, Optional.empty(), null, null,
                Optional.ofNullable(type), Optional.empty());
    }
}
