package org.parley.appeal.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.appeal.notice.domain.Notices.NOW;
import static org.parley.appeal.notice.domain.Notices.STANDARDS;
import static org.parley.appeal.notice.domain.Notices.draft;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.Unavailable;

class NoticeDraftTest {

    @Test
    void aCompleteStatementOfReasonsPasses() {
        NoticeDraft.Checked checked = draft().build().check(NOW, () -> STANDARDS);

        assertThat(checked.category().code()).isEqualTo("TERRORIST_CONTENT");
        assertThat(checked.standardsVersion()).isEqualTo(3);
    }

    @Test
    void everyMissingDsaFieldIsNamedAtOnce() {
        NoticeDraft empty = new NoticeDraft(null, null, null, null, null, null, null, "TERRORIST_CONTENT", null, null, null,
                null, null, null);

        assertThatThrownBy(() -> empty.check(NOW, () -> STANDARDS)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.fieldErrors()).extracting(RuleViolation.FieldError::field).containsExactlyInAnyOrder(
                        "contentRef", "accountRef", "restriction", "ground", "facts", "automatedDetection",
                        "automatedDecision", "decidedAt", "territorialScope"));
    }

    @Test
    void theGroundNeedsItsReference() {
        assertThat(fields(draft().ground(Ground.ILLEGAL_CONTENT, null, "§4"))).containsExactly("legalReference");
        assertThat(fields(draft().ground(Ground.INCOMPATIBLE_WITH_TERMS, "StGB §130", null))).containsExactly("termsReference");
        assertThat(draft().terms("Community Guidelines §4.2").build().check(NOW, () -> STANDARDS)).isNotNull();
    }

    @Test
    void theScopeNamesCountriesOrTheWholeWorldButAGeoBlockNamesCountries() {
        assertThat(fields(draft().scope(List.of("DE", "XX")))).containsExactly("territorialScope[1]");
        assertThat(fields(draft().scope(List.of("WORLDWIDE", "DE")))).containsExactly("territorialScope[0]");
        assertThat(fields(draft().scope(List.of()))).containsExactly("territorialScope");
        assertThat(fields(draft().restriction(Restriction.GEO_BLOCKED).scope(List.of("WORLDWIDE"))))
                .containsExactly("territorialScope");
        assertThat(draft().scope(List.of("WORLDWIDE")).notice().worldwide()).isTrue();
        assertThat(draft().scope(List.of("DE", "DE", "FR")).notice().territorialScope()).containsExactly("DE", "FR");
    }

    @Test
    void theDecisionCannotBeInTheFuture() {
        assertThat(fields(draft().decidedAt(NOW.plus(Duration.ofMinutes(6))))).containsExactly("decidedAt");
        assertThat(draft().decidedAt(NOW.plus(Duration.ofMinutes(4))).build().check(NOW, () -> STANDARDS)).isNotNull();
    }

    @Test
    void textsAreBoundedAndFreeOfControlCharacters() {
        assertThat(fields(draft().facts("short"))).containsExactly("facts");
        assertThat(fields(draft().facts("x".repeat(NoticeDraft.MAX_FACTS + 1)))).containsExactly("facts");
        assertThat(fields(draft().facts("Facts with a NUL \u0000 in them"))).containsExactly("facts");
        assertThat(fields(draft().contentRef("u".repeat(NoticeDraft.MAX_REF + 1)))).containsExactly("contentRef");
        assertThat(fields(draft().accountRef(" "))).containsExactly("accountRef");
        assertThat(fields(draft().language("english please"))).containsExactly("language");
        assertThat(draft().facts("Line one.\nLine two, with a tab\tin it.").build().check(NOW, () -> STANDARDS)).isNotNull();
    }

    @Test
    void theCategoryIsOneOfTheActiveGuidanceAndTheRequestIdAnId() {
        assertThatThrownBy(() -> draft().category("HATE_SPEECH").build().check(NOW, () -> STANDARDS))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.fieldErrors().getFirst().message())
                        .contains("TERRORIST_CONTENT, INCITEMENT_TO_VIOLENCE"));
        assertThat(fields(draft().requestId("123"))).containsExactly("requestId");
        assertThat(draft().requestId(" 01930000-0000-7000-8000-00000000a001 ").build().request()).isPresent();
    }

    @Test
    void brokenFieldsAre422EvenWhenTheStandardsCannotBeHadAndTheyAreNotAskedForInVain() {
        AtomicInteger asked = new AtomicInteger();

        assertThatThrownBy(() -> draft().facts(null).build().check(NOW, () -> {
            asked.incrementAndGet();
            throw new Unavailable("stakeholder-service");
        })).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> draft().build().check(NOW, () -> {
            throw new Unavailable("stakeholder-service");
        })).isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> draft().category(" ").build().check(NOW, () -> {
            asked.incrementAndGet();
            return STANDARDS;
        })).isInstanceOf(RuleViolation.class);
        assertThat(asked).hasValue(1);
    }

    private static List<String> fields(Notices notices) {
        try {
            notices.build().check(NOW, () -> STANDARDS);
            return List.of();
        } catch (RuleViolation e) {
            return e.fieldErrors().stream().map(RuleViolation.FieldError::field).toList();
        }
    }
}
