package org.parley.appeal.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.appeal.notice.domain.Notices.NOW;
import static org.parley.appeal.notice.domain.Notices.draft;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.appeal.order.domain.LegalBasis;
import org.parley.appeal.order.domain.OrderDisclosure;

class PlainWordsTest {

    @Test
    void theStatementSaysWhatWhyHowAndUntilWhenToAppeal() {
        String text = PlainWords.explain(draft().notice(), new OrderDisclosure.None(), NOW);

        assertThat(text).startsWith("Streamly Video removed your content (https://video.example.com/v/123) on 28 November 2026, in DE, FR.")
                .contains("illegal under StGB §130, in the category \"Terrorist content\"")
                .contains("The facts it relied on: The video calls on viewers to attack a named group.")
                .contains("Automated tools found the content and a person took the decision.")
                .contains("You can appeal until 28 May 2027")
                .contains("independent reviewer")
                .doesNotContain("order");
    }

    @Test
    void theOrderBehindItIsNamedOrSaidToBeConfidentialOrMissingForNow() {
        Notice notice = draft().requestId("01930000-0000-7000-8000-00000000ffff").terms("Guidelines §4").automated(true, true)
                .scope(List.of("WORLDWIDE")).notice();

        String disclosed = PlainWords.explain(notice, new OrderDisclosure.Disclosed("Germany: Federal Office", "DE",
                "REMOVAL_ORDER", new LegalBasis("Regulation (EU) 2021/784", "Art. 3", "DE")), NOW);
        String confidential = PlainWords.explain(notice, new OrderDisclosure.Confidential(Instant.parse("2027-01-31T00:00:00Z")), NOW);
        String unavailable = PlainWords.explain(notice, new OrderDisclosure.Unavailable(), NOW);

        assertThat(disclosed).contains("everywhere").contains("against its terms of service (Guidelines §4)")
                .contains("the decision was taken automatically")
                .contains("It acted on a removal order from Germany: Federal Office (DE), based on Regulation (EU) 2021/784, Art. 3.");
        assertThat(confidential).contains("a government order that is confidential until 31 January 2027")
                .doesNotContain("Germany");
        assertThat(unavailable).contains("cannot be shown right now; please look again later");
    }

    @Test
    void afterSixMonthsItSaysTheTimeToAppealEnded() {
        Notice notice = draft().notice();

        assertThat(PlainWords.explain(notice, new OrderDisclosure.None(), notice.appealClosesAt().plusSeconds(1)))
                .contains("The time to appeal ended on").doesNotContain("You can appeal");
    }
}
