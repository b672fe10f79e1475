package org.parley.stakeholder.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Role;

class StewardshipTest {

    static final UUID STREAMLY = UUID.fromString("01930000-0000-7000-8000-00000000c001");
    static final UUID CHIRP = UUID.fromString("01930000-0000-7000-8000-00000000c002");
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    static Stakeholder company(UUID id, StakeholderStatus status) {
        return new Stakeholder(id, StakeholderKind.COMPANY, "Co", "IE", List.of("IE"), status, NOW, NOW, 0);
    }

    static Caller caller(Role role, UUID tenant) {
        return new Caller("sub", "user", Set.of(role), Optional.ofNullable(tenant).map(UUID::toString));
    }

    @Test
    void aResponderManagesTheirOwnCompanyAndNotAnother() {
        assertThatCode(() -> Stewardship.requireManager(caller(Role.COMPANY_RESPONDER, STREAMLY), company(STREAMLY, StakeholderStatus.ACTIVE)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Stewardship.requireManager(caller(Role.COMPANY_RESPONDER, CHIRP), company(STREAMLY, StakeholderStatus.ACTIVE)))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aTenantClaimAloneDoesNotMakeAMember() {
        assertThat(Stewardship.isMember(caller(Role.REVIEWER, STREAMLY), STREAMLY)).isFalse();
        assertThat(Stewardship.isMember(caller(Role.APPELLANT, STREAMLY), STREAMLY)).isFalse();
    }

    @Test
    void theTenantClaimIsComparedAsAnIdWhateverItsCase() {
        assertThat(Stewardship.isMember(new Caller("s", "u", Set.of(Role.COMPANY_RESPONDER),
                Optional.of(STREAMLY.toString().toUpperCase())), STREAMLY)).isTrue();
    }

    @Test
    void membersOfASuspendedStakeholderSeeItButChangeNothingWhileAdminsStillCan() {
        Stakeholder suspended = company(STREAMLY, StakeholderStatus.SUSPENDED);

        assertThat(Stewardship.canSee(caller(Role.COMPANY_RESPONDER, STREAMLY), suspended)).isTrue();
        assertThat(Stewardship.canSee(caller(Role.COMPANY_RESPONDER, CHIRP), suspended)).isFalse();
        assertThat(Stewardship.canSee(Caller.anonymous(), suspended)).isFalse();
        assertThatThrownBy(() -> Stewardship.requireManager(caller(Role.COMPANY_RESPONDER, STREAMLY), suspended))
                .isInstanceOf(Conflict.class);
        assertThatCode(() -> Stewardship.requireManager(caller(Role.ADMIN, null), suspended)).doesNotThrowAnyException();
    }

    @Test
    void liaisonsMembersAndAdminsSeeTheEscalationContactTheRestDoNot() {
        assertThat(Stewardship.seesEscalationContact(caller(Role.GOV_LIAISON, CHIRP), STREAMLY)).isTrue();
        assertThat(Stewardship.seesEscalationContact(caller(Role.COMPANY_RESPONDER, STREAMLY), STREAMLY)).isTrue();
        assertThat(Stewardship.seesEscalationContact(caller(Role.COMPANY_RESPONDER, CHIRP), STREAMLY)).isFalse();
        assertThat(Stewardship.seesEscalationContact(caller(Role.APPELLANT, null), STREAMLY)).isFalse();
        assertThat(Stewardship.seesEscalationContact(Caller.anonymous(), STREAMLY)).isFalse();
    }
}
