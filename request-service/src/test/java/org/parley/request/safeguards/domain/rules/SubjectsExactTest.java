package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.shared.domain.SubjectKind;
import org.parley.request.testing.Cases;
import org.parley.request.testing.Drafts;

class SubjectsExactTest {

    final SubjectsExact rule = new SubjectsExact();

    @ParameterizedTest
    @ValueSource(strings = {"https://video.example.com/v/123", "http://chirp.example/status/9?lang=de",
            "https://example.com/?v=1"})
    void exactUrlsPass(String url) {
        assertThat(rule.check(Cases.of(Cases.removalOrder().onlySubject(SubjectKind.URL, url).build()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "https://example.com/", "https://*.example.com/v/1",
            "https://example.com/v/*", "example.com/v/1", "ftp://example.com/file", "https:///v/1",
            "https://example.com/v/1 https://example.com/v/2"})
    void wildcardsBareDomainsAndNonUrlsAreBlocked(String url) {
        assertThat(rule.check(Cases.of(Cases.removalOrder().onlySubject(SubjectKind.URL, url).build())))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("SUBJECTS_EXACT");
                    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
                    assertThat(f.message()).startsWith("subjects[0] ");
                });
    }

    @Test
    void accountIdentifiersPassButAccountWildcardsDoNot() {
        assertThat(rule.check(Cases.of(Cases.information().onlySubject(SubjectKind.ACCOUNT, "@user_8841").build()))).isEmpty();
        assertThat(rule.check(Cases.of(Cases.information().onlySubject(SubjectKind.ACCOUNT, "user_*").build()))).hasSize(1);
    }

    @Test
    void manyInexactSubjectsAreListedUpToTenThenCounted() {
        Drafts.Builder request = Cases.removalOrder().noSubjects();
        for (int i = 0; i < 14; i++) {
            request.subject(SubjectKind.URL, "https://example" + i + ".com/");
        }

        var findings = rule.check(Cases.of(request.build()));

        assertThat(findings).hasSize(11);
        assertThat(findings.getLast().message()).isEqualTo("4 more subjects are not exact");
    }
}
