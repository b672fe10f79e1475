package org.parley.request.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.FieldError;
import org.parley.request.testing.Drafts;

class SubmissionTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final UUID COMPANY = UUID.randomUUID();

    static List<String> fields(Submission s) {
        return s.fieldErrors(NOW).stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteRemovalOrderIsReadable() {
        assertThat(fields(Drafts.removalOrder(COMPANY).build())).isEmpty();
    }

    @Test
    void everyUnreadableFieldIsReportedAtOnce() {
        Submission broken = Drafts.removalOrder(null).type(null).noSubjects()
                .legalBasis("x".repeat(301), "Art. 3", "Germany")
                .answerBy(NOW.minusSeconds(1))
                .build();

        assertThat(fields(broken)).containsExactly("type", "targetCompanyId", "subjects", "legalBasis.instrument",
                "legalBasis.jurisdiction", "answerBy");
    }

    @Test
    void eachSubjectNeedsAKindAndAValue() {
        Submission s = Drafts.removalOrder(COMPANY).onlySubject(null, " ").build();

        assertThat(fields(s)).containsExactly("subjects[0].kind", "subjects[0].value");
    }

    @Test
    void dataCategoriesBelongToRequestsAboutUserData() {
        assertThat(fields(Drafts.information(COMPANY).dataCategories().build())).containsExactly("dataCategories");
        assertThat(fields(Drafts.removalOrder(COMPANY).dataCategories(DataCategory.CONTENT).build()))
                .containsExactly("dataCategories");
        assertThat(fields(Drafts.removalOrder(COMPANY).period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)).build()))
                .containsExactly("period");
    }

    @Test
    void aPeriodEndsAfterItStarts() {
        assertThat(fields(Drafts.information(COMPANY).period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)).build()))
                .containsExactly("period.to");
    }

    @Test
    void anEmergencyIsUrgentUnlessSaidOtherwise() {
        assertThat(Drafts.emergencyDisclosure(COMPANY).build().urgency()).isEqualTo(Urgency.URGENT);
        assertThat(Drafts.removalOrder(COMPANY).build().urgency()).isEqualTo(Urgency.ROUTINE);
    }

    @Test
    void blankTextsCountAsAbsent() {
        Submission s = Drafts.removalOrder(COMPANY).necessity("   ").aim("  PUBLIC_ORDER ").build();

        assertThat(s.necessityStatement()).isNull();
        assertThat(s.legitimateAim()).isEqualTo("PUBLIC_ORDER");
    }
}
