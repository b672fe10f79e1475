package org.parley.stakeholder.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation;

class ContactPointTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aContactPointNeedsAMailboxLanguagesHoursAndAnEscalationContact() {
        assertThatThrownBy(() -> ContactPoint.of(null, null, List.of(), null, null, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.fieldErrors())
                        .extracting(RuleViolation.FieldError::field)
                        .containsExactlyInAnyOrder("email", "languages", "hours", "escalationContact"));
    }

    @Test
    void thePhoneIsOptionalAndLanguagesAreKeptOnce() {
        ContactPoint c = ContactPoint.of(" orders@example.com ", "  ", List.of("de", "en", "de"), "Mon–Fri 08–20 CET",
                "+49 30 000 000", NOW);

        assertThat(c.phone()).isNull();
        assertThat(c.email()).isEqualTo("orders@example.com");
        assertThat(c.languages()).containsExactly("de", "en");
        assertThat(c.withoutEscalation().escalationContact()).isNull();
    }
}
