package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.shared.domain.SubjectKind;
import org.parley.request.testing.Cases;
import org.parley.request.testing.Drafts;

class OverbreadthTest {

    final Overbreadth rule = new Overbreadth();
    final RequestRules threshold3 = new RequestRules(8, 0, 3, Set.of(), 0, 0, 0, Map.of(), Set.of());

    @Test
    void upToTheThresholdIsFine() {
        assertThat(rule.check(Cases.of(subjects(3), threshold3))).isEmpty();
    }

    @Test
    void moreThanTheThresholdIsAWarningNotABlocker() {
        assertThat(rule.check(Cases.of(subjects(4), threshold3))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("OVERBREADTH");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("4 subjects");
        });
    }

    private static org.parley.request.shared.domain.Submission subjects(int count) {
        Drafts.Builder request = Cases.removalOrder().noSubjects();
        for (int i = 0; i < count; i++) {
            request.subject(SubjectKind.URL, "https://video.example.com/v/" + i);
        }
        return request.build();
    }
}
