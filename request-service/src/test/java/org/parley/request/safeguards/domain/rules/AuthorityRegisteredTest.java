package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.safeguards.domain.Party;
import org.parley.request.safeguards.domain.PartyKind;
import org.parley.request.testing.Cases;
import org.parley.request.testing.Parties;

class AuthorityRegisteredTest {

    final AuthorityRegistered rule = new AuthorityRegistered();

    @Test
    void anActiveStateAuthorityPasses() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().build()))).isEmpty();
    }

    @Test
    void anUnregisteredAuthorityIsBlocked() {
        var findings = rule.check(Cases.of(Cases.removalOrder().build(), null, Cases.COMPANY));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("AUTHORITY_REGISTERED");
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.message()).contains("not registered");
        });
    }

    @Test
    void aSuspendedAuthorityIsBlocked() {
        var findings = rule.check(Cases.of(Cases.removalOrder().build(), Parties.suspended(Cases.AUTHORITY), Cases.COMPANY));

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains("suspended"));
    }

    @Test
    void aStakeholderThatIsNotAStateIsBlocked() {
        Party ngo = new Party(UUID.randomUUID(), PartyKind.OTHER, "Watchdog NGO", "DE", java.util.List.of(), true, false);

        var findings = rule.check(Cases.of(Cases.removalOrder().build(), ngo, Cases.COMPANY));

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains("not a state"));
    }
}
