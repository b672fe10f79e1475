package org.parley.stakeholder.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
import org.parley.stakeholder.registry.domain.StakeholderKind;

class NewMemberTest {

    @Test
    void theUsernameIsTheEmailInLowerCase() {
        NewMember m = new NewMember(null, " Ana.Silva@Streamly.example ", " Ana ", "Silva").checked();

        assertThat(m.username()).isEqualTo("ana.silva@streamly.example");
        assertThat(m.firstName()).isEqualTo("Ana");
        assertThat(new NewMember("ana.silva@streamly.example", "Ana.Silva@Streamly.example", "Ana", "Silva").checked()
                .username()).isEqualTo("ana.silva@streamly.example");
    }

    @Test
    void aUsernameOtherThanTheAddressIsRefused() {
        assertThatThrownBy(() -> new NewMember("ana", "ana@streamly.example", "Ana", "Silva").checked())
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.fieldErrors())
                        .extracting(RuleViolation.FieldError::field).containsExactly("username"));
    }

    @Test
    void theIdentityProviderNeedsEmailAndBothNames() {
        assertThatThrownBy(() -> new NewMember("ab", "nope", "", null).checked())
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.fieldErrors())
                        .extracting(RuleViolation.FieldError::field)
                        .containsExactlyInAnyOrder("email", "username", "firstName", "lastName"));
    }

    @Test
    void authoritiesHaveLiaisonsCompaniesRespondersAndOthersNoAccounts() {
        assertThat(MemberRoles.forKind(StakeholderKind.STATE)).contains(Role.GOV_LIAISON);
        assertThat(MemberRoles.forKind(StakeholderKind.COMPANY)).contains(Role.COMPANY_RESPONDER);
        assertThat(MemberRoles.forKind(StakeholderKind.CIVIL_SOCIETY)).isEmpty();
        assertThat(MemberRoles.forKind(StakeholderKind.RESEARCH)).isEmpty();
    }
}
