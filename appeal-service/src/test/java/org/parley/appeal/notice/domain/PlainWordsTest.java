package org.parley.appeal.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.appeal.notice.domain.Notices.NOW;
import static org.parley.appeal.notice.domain.Notices.draft;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parley.appeal.notice.domain.Explanation.AsWritten;
import org.parley.appeal.notice.domain.Explanation.Kind;
import org.parley.appeal.notice.domain.Explanation.Segment;
import org.parley.appeal.order.domain.LegalBasis;
import org.parley.appeal.order.domain.OrderDisclosure;

class PlainWordsTest {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");
    private static final Instant GAG_ENDS = Instant.parse("2027-01-31T00:00:00Z");
    private static final OrderDisclosure REMOVAL_ORDER = new OrderDisclosure.Disclosed("Germany: Federal Office", "DE",
            "REMOVAL_ORDER", new LegalBasis("Regulation (EU) 2021/784", "Art. 3", "DE"));

    @Test
    void theStatementSaysWhatWhyHowAndUntilWhenToAppeal() {
        Explanation explanation = PlainWords.explain(draft().notice(), new OrderDisclosure.None(), NOW, Locale.ENGLISH);

        assertThat(explanation.language()).isEqualTo(Locale.ENGLISH);
        assertThat(explanation.parts()).extracting(Explanation.Part::kind)
                .containsExactly(Kind.ACTION, Kind.GROUND, Kind.AUTOMATION, Kind.APPEAL);
        assertThat(explanation.text())
                .startsWith("On November 28, 2026, Streamly Video removed your content (https://video.example.com/v/123). "
                        + "This applies in these countries: Germany, France.")
                .contains("illegal under StGB §130, in the category \"Terrorist content\"")
                .contains("The facts it relied on: The video calls on viewers to attack a named group.")
                .contains("Automated tools found the content, and a person took the decision.")
                .contains("You can appeal until May 28, 2027")
                .contains("independent reviewer")
                .doesNotContain("order");
    }

    @Test
    void theOrderBehindItIsNamedOrSaidToBeConfidentialOrMissingForNow() {
        Notice notice = draft().requestId("01930000-0000-7000-8000-00000000ffff").terms("Guidelines §4").automated(true, true)
                .scope(List.of("WORLDWIDE")).notice();

        String disclosed = PlainWords.explain(notice, REMOVAL_ORDER, NOW, Locale.ENGLISH).text();
        String confidential = PlainWords.explain(notice, new OrderDisclosure.Confidential(GAG_ENDS), NOW, Locale.ENGLISH).text();
        String unavailable = PlainWords.explain(notice, new OrderDisclosure.Unavailable(), NOW, Locale.ENGLISH).text();

        assertThat(disclosed).contains("This applies everywhere.").contains("against its terms of service (Guidelines §4)")
                .contains("the decision was taken automatically")
                .contains("The company acted on a removal order from Germany: Federal Office (Germany). "
                        + "The authority relied on Regulation (EU) 2021/784, Art. 3.");
        assertThat(confidential).contains("a government order that is confidential until January 31, 2027")
                .doesNotContain("Germany");
        assertThat(unavailable).contains("cannot be shown right now. Please look again later.");
    }

    @Test
    void afterSixMonthsItSaysTheTimeToAppealEnded() {
        Notice notice = draft().notice();

        assertThat(PlainWords.explain(notice, new OrderDisclosure.None(), notice.appealClosesAt().plusSeconds(1),
                Locale.ENGLISH).text()).contains("The time to appeal ended on").doesNotContain("You can appeal");
    }

    @Test
    void inFrenchParleysWordsAreTranslatedAndTheCompanysTextIsQuotedAsWritten() {
        Notice notice = draft().restriction(Restriction.GEO_BLOCKED).scope(List.of("DE")).notice();

        Explanation explanation = PlainWords.explain(notice, REMOVAL_ORDER, NOW, Locale.FRENCH);

        assertThat(explanation.language()).isEqualTo(Locale.FRENCH);
        assertThat(explanation.part(Kind.ACTION).text()).isEqualTo("Le 28 novembre 2026, Streamly Video a bloqué votre "
                + "contenu (https://video.example.com/v/123) dans certains pays. Cette mesure s'applique dans ce pays\u00a0: Allemagne.");
        assertThat(explanation.part(Kind.GROUND).text()).isEqualTo("L'entreprise a estimé que ce contenu était illégal au "
                + "regard de StGB §130 et l'a classé dans la catégorie «\u00a0Terrorist content\u00a0». Les faits sur lesquels "
                + "elle s'est fondée\u00a0: The video calls on viewers to attack a named group.");
        assertThat(explanation.part(Kind.ORDER).text()).isEqualTo("L'entreprise a agi sur la base d'une injonction de retrait "
                + "émise par Germany: Federal Office (Allemagne). L'autorité s'est fondée sur Regulation (EU) 2021/784, Art. 3.");
        assertThat(explanation.part(Kind.APPEAL).text()).startsWith("Vous pouvez contester cette décision jusqu'au 28 mai 2027.");
        assertThat(explanation.part(Kind.GROUND).segments()).extracting(Segment::asWritten)
                .containsExactly(null, AsWritten.LEGAL_REFERENCE, null, AsWritten.CATEGORY, null, AsWritten.FACTS);
        assertThat(explanation.part(Kind.GROUND).segments().get(5).text())
                .isEqualTo("The video calls on viewers to attack a named group.");
    }

    @Test
    void inGermanAGagOrderShowsOnlyThatAConfidentialOrderExistsAndUntilWhen() {
        Notice notice = draft().requestId("01930000-0000-7000-8000-00000000ffff").notice();

        Explanation explanation = PlainWords.explain(notice, new OrderDisclosure.Confidential(GAG_ENDS), NOW,
                Locale.forLanguageTag("de-CH"));

        assertThat(explanation.language()).isEqualTo(Locale.GERMAN);
        assertThat(explanation.part(Kind.ORDER).text()).isEqualTo("Das Unternehmen hat aufgrund einer behördlichen Anordnung "
                + "gehandelt, die bis zum 31. Januar 2027 vertraulich ist. Bis dahin darf Ihnen nicht mitgeteilt werden, "
                + "welche Behörde sie erlassen hat.");
        assertThat(explanation.part(Kind.ORDER).segments()).extracting(Segment::asWritten).containsOnlyNulls();
        assertThat(explanation.text())
                .startsWith("Am 28. November 2026 hat Streamly Video Ihren Inhalt (https://video.example.com/v/123) entfernt. "
                        + "Das gilt für diese Länder: Deutschland, Frankreich.")
                .contains("nach StGB §130 rechtswidrig ist, und hat ihn der Kategorie „Terrorist content“ zugeordnet.")
                .contains("Der Inhalt wurde von automatisierten Systemen erkannt, und die Entscheidung hat ein Mensch getroffen.")
                .contains("Sie können bis zum 28. Mai 2027 Beschwerde einlegen.")
                .doesNotContain("Germany").doesNotContain("Entfernungsanordnung");
        assertThat(PlainWords.explain(notice, new OrderDisclosure.Confidential(null), NOW, Locale.GERMAN)
                .part(Kind.ORDER).text()).startsWith("Das Unternehmen hat aufgrund einer vertraulichen behördlichen Anordnung");
    }

    @Test
    void inArabicTheDatesHaveTheDigitsCldrGivesForArabicAndTheListsArabicCommas() {
        Notice notice = draft().automated(false, true).notice();

        Explanation explanation = PlainWords.explain(notice, new OrderDisclosure.Unavailable(), NOW, ARABIC);

        assertThat(explanation.language()).isEqualTo(ARABIC);
        assertThat(explanation.part(Kind.ACTION).text()).isEqualTo("في 28 نوفمبر 2026، أزالت شركة Streamly Video محتواك "
                + "(https://video.example.com/v/123). ويسري ذلك في هذه البلدان: ألمانيا، فرنسا.");
        assertThat(explanation.part(Kind.AUTOMATION).text()).isEqualTo("اكتشف أشخاص هذا المحتوى، واتُّخذ القرار بشكل آلي.");
        assertThat(explanation.part(Kind.ORDER).text()).contains("يتعذّر عرض تفاصيله الآن");
        assertThat(explanation.part(Kind.APPEAL).text()).startsWith("يمكنك الطعن في هذا القرار حتى 28 مايو 2027.");
        assertThat(explanation.part(Kind.ACTION).segments()).extracting(Segment::asWritten)
                .containsExactly(null, AsWritten.COMPANY_NAME, null, AsWritten.CONTENT_REF, null);
    }

    @Test
    void everyRestrictionRequestTypeAndAutomationReadsInEveryLanguage() {
        for (Locale language : PlainWords.LANGUAGES) {
            for (Restriction restriction : Restriction.values()) {
                String action = PlainWords.explain(draft().restriction(restriction).notice(), new OrderDisclosure.None(),
                        NOW, language).part(Kind.ACTION).text();
                assertThat(action).as(restriction + " in " + language).contains("Streamly Video")
                        .contains("https://video.example.com/v/123").doesNotContain("{");
            }
            for (String type : PlainWords.REQUEST_TYPES) {
                String order = PlainWords.explain(draft().notice(), new OrderDisclosure.Disclosed("Authority X", null, type,
                        null), NOW, language).part(Kind.ORDER).text();
                assertThat(order).as(type + " in " + language).contains("Authority X").doesNotContain("(").doesNotContain("{");
            }
            assertThat(PlainWords.explain(draft().notice(), new OrderDisclosure.Disclosed("Authority X", "FR", null,
                    new LegalBasis("Code X", null, "FR")), NOW, language).part(Kind.ORDER).text())
                    .as("an order of no known type in " + language).contains("Authority X").contains("Code X");
        }
    }

    @Test
    void frenchWritesTheFirstOfTheMonthAsAnOrdinal() {
        Notice notice = draft().decidedAt(Instant.parse("2026-11-01T09:00:00Z")).notice();

        Explanation explanation = PlainWords.explain(notice, new OrderDisclosure.None(), NOW, Locale.FRENCH);

        assertThat(explanation.part(Kind.ACTION).text()).startsWith("Le 1er novembre 2026, Streamly Video");
        assertThat(explanation.part(Kind.APPEAL).text()).startsWith("Vous pouvez contester cette décision jusqu'au 1er mai 2027.");
    }

    @Test
    void aLanguageParleyDoesNotSpeakReadsEnglish() {
        assertThat(PlainWords.language(Locale.forLanguageTag("pt-BR"))).isEqualTo(Locale.ENGLISH);
        assertThat(PlainWords.language(null)).isEqualTo(Locale.ENGLISH);
        assertThat(PlainWords.language(Locale.forLanguageTag("ar-EG"))).isEqualTo(ARABIC);
        assertThat(PlainWords.explain(draft().notice(), new OrderDisclosure.None(), NOW, Locale.forLanguageTag("pt"))
                .text()).startsWith("On November 28, 2026, Streamly Video removed your content");
    }
}
