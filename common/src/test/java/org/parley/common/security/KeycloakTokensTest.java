package org.parley.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakTokensTest {

    static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256")
                .issuer("http://localhost:8180/realms/parley")
                .audience(List.of("parley-api", "account"))
                .subject("3f1c")
                .claim("preferred_username", "liaison-de-1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
    }

    @Test
    void realmRolesBecomeRoleAuthoritiesAndUnknownRolesAreIgnored() {
        Jwt jwt = token().claim("realm_access", Map.of("roles",
                List.of("gov-liaison", "offline_access", "default-roles-parley", "admin"))).build();

        var authentication = KeycloakTokens.converter().convert(jwt);

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_gov-liaison", "ROLE_admin");
        assertThat(authentication.getName()).isEqualTo("liaison-de-1");
    }

    @Test
    void theStakeholderClaimIsTheCallersTenant() {
        Jwt jwt = token().claim("realm_access", Map.of("roles", List.of("company-responder")))
                .claim("stakeholder_id", "01930000-0000-7000-8000-00000000c001").build();

        Caller caller = KeycloakTokens.caller(jwt);

        assertThat(caller.roles()).containsExactly(Role.COMPANY_RESPONDER);
        assertThat(caller.actsFor("01930000-0000-7000-8000-00000000c001", Role.COMPANY_RESPONDER)).isTrue();
        assertThat(caller.actsFor("01930000-0000-7000-8000-00000000c002")).isFalse();
        assertThat(caller.actsFor("01930000-0000-7000-8000-00000000c001", Role.GOV_LIAISON)).isFalse();
    }

    @Test
    void theStakeholderClaimIsWrittenOneWayAndAValueThatIsNoIdBindsToNoStakeholder() {
        Caller capitals = KeycloakTokens.caller(token().claim("stakeholder_id", "01930000-0000-7000-8000-00000000C001").build());
        Caller garbage = KeycloakTokens.caller(token().claim("stakeholder_id", "streamly'; drop table x").build());

        assertThat(capitals.stakeholderId()).contains("01930000-0000-7000-8000-00000000c001");
        assertThat(garbage.stakeholderId()).isEmpty();
    }

    @Test
    void aTokenWithoutRolesOrTenantGivesACallerWithNeither() {
        Caller caller = KeycloakTokens.caller(token().claim("stakeholder_id", " ").build());

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.stakeholderId()).isEmpty();
        assertThat(caller.isAnonymous()).isFalse();
    }

    @Test
    void validatorRequiresTheAudienceAndTheIssuer() {
        var validator = KeycloakTokens.validator("http://localhost:8180/realms/parley", "parley-api");

        assertThat(validator.validate(token().build()).hasErrors()).isFalse();
        assertThat(validator.validate(token().audience(List.of("account")).build()).hasErrors()).isTrue();
        assertThat(validator.validate(token().issuer("http://127.0.0.1:8180/realms/parley").build()).hasErrors()).isTrue();
        assertThat(validator.validate(token().issuedAt(Instant.now().minusSeconds(900))
                .expiresAt(Instant.now().minusSeconds(600)).build()).hasErrors()).isTrue();
    }
}
