package org.parley.stakeholder.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation;

class RegistrationTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void anInternationalOrganisationHasNoHomeCountryButEveryoneElseHasOne() {
        assertThat(new Registration("UNESCO", StakeholderKind.INTERNATIONAL_ORGANISATION, null, null)
                .register(UUID.randomUUID(), NOW).country()).isNull();
        assertThatThrownBy(() -> new Registration("UNESCO", StakeholderKind.INTERNATIONAL_ORGANISATION, "FR", null)
                .register(UUID.randomUUID(), NOW)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new Registration("An NGO", StakeholderKind.CIVIL_SOCIETY, null, null)
                .register(UUID.randomUUID(), NOW)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void countryCodesAreIsoAlpha2InUpperCase() {
        assertThatThrownBy(() -> new Registration("X", StakeholderKind.STATE, "de", List.of()).register(UUID.randomUUID(), NOW))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new Registration("X", StakeholderKind.STATE, "DEU", List.of()).register(UUID.randomUUID(), NOW))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void repeatedJurisdictionsAreKeptOnceInOrder() {
        Stakeholder s = new Registration("  Streamly  ", StakeholderKind.COMPANY, "US", List.of("US", "DE", "US"))
                .register(UUID.randomUUID(), NOW);

        assertThat(s.name()).isEqualTo("Streamly");
        assertThat(s.jurisdictions()).containsExactly("US", "DE");
        assertThat(s.status()).isEqualTo(StakeholderStatus.ACTIVE);
    }

    @Test
    void aChangeKeepsWhatItLeavesOut() {
        Stakeholder s = new Registration("Streamly", StakeholderKind.COMPANY, "US", List.of("US")).register(UUID.randomUUID(), NOW);

        Stakeholder suspended = new StakeholderChange(null, StakeholderStatus.SUSPENDED, null).applyTo(s, NOW.plusSeconds(1));

        assertThat(suspended.name()).isEqualTo("Streamly");
        assertThat(suspended.jurisdictions()).containsExactly("US");
        assertThat(suspended.status()).isEqualTo(StakeholderStatus.SUSPENDED);
        assertThat(suspended.kind()).isEqualTo(StakeholderKind.COMPANY);
    }
}
