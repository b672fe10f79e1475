package org.parley.stakeholder.accounts.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporaryPasswordTest {

    @Test
    void aTemporaryPasswordIsLongMixedAndNeverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = KeycloakMemberDirectory.temporaryPassword();
            assertThat(password).hasSize(20)
                    .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[2-9]").containsPattern("[-_.!?]")
                    .doesNotContainPattern("[0O1lI]");
            assertThat(seen.add(password)).isTrue();
        }
    }
}
