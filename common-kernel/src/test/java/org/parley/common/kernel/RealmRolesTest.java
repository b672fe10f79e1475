package org.parley.common.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmRolesTest {

    @Test
    void knownRealmRolesAreParleyRolesAndTheRestGrantsNothing() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles",
                List.of("gov-liaison", "offline_access", "default-roles-parley", "admin", 42)));

        assertThat(RealmRoles.of(claims)).containsExactlyInAnyOrder(Role.GOV_LIAISON, Role.ADMIN);
    }

    @Test
    void aMissingOrMalformedClaimGrantsNoRole() {
        assertThat(RealmRoles.of(Map.of())).isEmpty();
        assertThat(RealmRoles.of(Map.of("realm_access", "admin"))).isEmpty();
        assertThat(RealmRoles.of(Map.of("realm_access", Map.of("roles", "admin")))).isEmpty();
    }

    @Test
    void aRoleIsTheAuthorityThatHasRoleChecks() {
        assertThat(Role.GOV_LIAISON.authority()).isEqualTo("ROLE_gov-liaison");
        assertThat(Role.ADMIN.authority()).isEqualTo("ROLE_admin");
    }
}
