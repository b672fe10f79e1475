package org.parley.stakeholder.standards.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.stakeholder.standards.domain.StandardsDraftBuilder.aDraft;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation;
import org.parley.stakeholder.standards.domain.StandardsDraft.AnswerTimeDraft;
import org.parley.stakeholder.standards.domain.StandardsDraft.CategoryDraft;

class StandardsDraftTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    static List<String> fieldsOf(StandardsDraft draft) {
        try {
            draft.publish(2, UUID.randomUUID(), NOW);
        } catch (RuleViolation e) {
            return e.fieldErrors().stream().map(RuleViolation.FieldError::field).toList();
        }
        throw new AssertionError("expected a RuleViolation");
    }

    @Test
    void aCompleteDraftBecomesTheNextActiveVersion() {
        Standards published = aDraft().build().publish(2, UUID.randomUUID(), NOW);

        assertThat(published.version()).isEqualTo(2);
        assertThat(published.active()).isTrue();
        assertThat(published.category("INCITEMENT_TO_VIOLENCE").orElseThrow().incitement()).isTrue();
        assertThat(published.requestRules().maxGagDays()).isEqualTo(90);
        assertThat(published.requestRules().answerTimes()).hasSize(RequestType.values().length);
    }

    @Test
    void aReferralNeverCarriesACompulsoryDeadline() {
        assertThat(fieldsOf(aDraft().answerTime(4, new AnswerTimeDraft(RequestType.REFERRAL, 60L, false)).build()))
                .containsExactly("requestRules.answerTimes[4].advisory");
    }

    @Test
    void everyRequestTypeNeedsAnAnswerTimeExactlyOnce() {
        assertThat(fieldsOf(aDraft().withoutAnswerTime(0).build())).containsExactly("requestRules.answerTimes");
        assertThat(fieldsOf(aDraft().answerTime(1, new AnswerTimeDraft(RequestType.REMOVAL_ORDER, 60L, false)).build()))
                .containsExactlyInAnyOrder("requestRules.answerTimes[1].type", "requestRules.answerTimes");
    }

    @Test
    void transparencyNeverPublishesCountsOfOne() {
        assertThat(fieldsOf(aDraft().transparencyK(1).build())).containsExactly("requestRules.transparencyK");
        assertThat(fieldsOf(aDraft().transparencyK(null).build())).containsExactly("requestRules.transparencyK");
    }

    @Test
    void legitimateAimsAreANonEmptySetOfIccprAims() {
        assertThat(fieldsOf(aDraft().legitimateAims(List.of()).build())).containsExactly("requestRules.legitimateAims");
        assertThat(fieldsOf(aDraft().legitimateAims(List.of(LegitimateAim.PUBLIC_ORDER, LegitimateAim.PUBLIC_ORDER)).build()))
                .containsExactly("requestRules.legitimateAims[1]");
    }

    @Test
    void aCategoryNeedsItsLawWhatItDoesNotCoverAndAnIncitementFlag() {
        CategoryDraft bare = new CategoryDraft("hate", "", "Defined", List.of(), null, null);

        assertThat(fieldsOf(aDraft().category(bare).build())).containsExactlyInAnyOrder(
                "contentCategories[2].code", "contentCategories[2].name", "contentCategories[2].legalReferences",
                "contentCategories[2].notCovered", "contentCategories[2].incitement");
    }

    @Test
    void categoryCodesAreUnique() {
        CategoryDraft again = new CategoryDraft("TERRORIST_CONTENT", "Again", "Defined", List.of("Law"), List.of("News"), false);

        assertThat(fieldsOf(aDraft().category(again).build())).containsExactly("contentCategories[2].code");
    }

    @Test
    void aSummarySaysWhatChanged() {
        assertThat(fieldsOf(aDraft().summary(null).maxGagDays(0).build()))
                .containsExactlyInAnyOrder("summary", "requestRules.maxGagDays");
    }
}
