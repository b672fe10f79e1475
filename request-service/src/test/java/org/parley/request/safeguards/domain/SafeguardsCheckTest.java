package org.parley.request.safeguards.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.SubjectKind;
import org.parley.request.testing.Cases;

class SafeguardsCheckTest {

    final SafeguardsCheck check = SafeguardsCheck.standard();

    @Test
    void everyRuleClassIsPartOfTheStandardCheck() {
        Set<String> implementations = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.parley.request")
                .stream()
                .filter(c -> c.isAssignableTo(SafeguardRule.class) && !c.isInterface())
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(check.rules()).extracting(rule -> rule.getClass().getName())
                .containsExactlyInAnyOrderElementsOf(implementations);
    }

    @Test
    void theStandardCheckCoversEveryRuleOfTheDomainTable() {
        assertThat(check.rules()).extracting(SafeguardRule::code).containsExactly(
                "AUTHORITY_REGISTERED", "COMPANY_REGISTERED", "LEGAL_BASIS", "LEGITIMATE_AIM", "NECESSITY",
                "JUDICIAL_AUTHORISATION", "BOUNDED_PERIOD", "SUBJECTS_EXACT", "OVERBREADTH", "GAG_BOUNDED",
                "JURISDICTION", "REFERRAL_NOT_COMPULSORY");
    }

    @Test
    void aSoundRequestHasNoFindingsAndRecordsTheRulesVersion() {
        Verdict verdict = check.run(Cases.of(Cases.removalOrder().build()));

        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.refused()).isFalse();
        assertThat(verdict.rulesVersion()).isEqualTo(3);
    }

    @Test
    void anOverbroadInformationRequestWithoutJudgeForContentListsEveryFinding() {
        var request = Cases.information()
                .dataCategories(DataCategory.SUBSCRIBER, DataCategory.CONTENT)
                .period(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1))
                .subject(SubjectKind.URL, "https://chirp.example")
                .necessity("Needed.")
                .build();

        Verdict verdict = check.run(Cases.of(request));

        assertThat(verdict.refused()).isTrue();
        assertThat(verdict.findings()).extracting(Finding::rule)
                .containsExactly("NECESSITY", "JUDICIAL_AUTHORISATION", "BOUNDED_PERIOD", "SUBJECTS_EXACT");
        assertThat(verdict.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.BLOCKER));
    }

    @Test
    void warningsAloneDoNotRefuse() {
        Verdict verdict = check.run(Cases.of(Cases.removalOrder().build(),
                org.parley.request.testing.Parties.authority("BR"), Cases.COMPANY));

        assertThat(verdict.refused()).isFalse();
        assertThat(verdict.warnings()).extracting(Finding::rule).containsExactly("JURISDICTION");
    }
}
