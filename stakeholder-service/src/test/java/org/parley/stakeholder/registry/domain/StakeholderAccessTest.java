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

class StakeholderAccessTest {

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
        assertThatCode(() -> StakeholderAccess.requireManager(caller(Role.COMPANY_RESPONDER, STREAMLY), company(STREAMLY, StakeholderStatus.ACTIVE)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> StakeholderAccess.requireManager(caller(Role.COMPANY_RESPONDER, CHIRP), company(STREAMLY, StakeholderStatus.ACTIVE)))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aTenantClaimAloneDoesNotMakeAMember() {
        assertThat(StakeholderAccess.isMember(caller(Role.REVIEWER, STREAMLY), STREAMLY)).isFalse();
        assertThat(StakeholderAccess.isMember(caller(Role.APPELLANT, STREAMLY), STREAMLY)).isFalse();
    }

    @Test
    void theTenantClaimIsComparedAsAnIdWhateverItsCase() {
        assertThat(StakeholderAccess.isMember(new Caller("s", "u", Set.of(Role.COMPANY_RESPONDER),
                Optional.of(STREAMLY.toString().toUpperCase())), STREAMLY)).isTrue();
    }

    @Test
    void membersOfASuspendedStakeholderSeeItButChangeNothingWhileAdminsStillCan() {
        Stakeholder suspended = company(STREAMLY, StakeholderStatus.SUSPENDED);

        assertThat(StakeholderAccess.canSee(caller(Role.COMPANY_RESPONDER, STREAMLY), suspended)).isTrue();
        assertThat(StakeholderAccess.canSee(caller(Role.COMPANY_RESPONDER, CHIRP), suspended)).isFalse();
        assertThat(StakeholderAccess.canSee(Caller.anonymous(), suspended)).isFalse();
        assertThatThrownBy(() -> StakeholderAccess.requireManager(caller(Role.COMPANY_RESPONDER, STREAMLY), suspended))
                .isInstanceOf(Conflict.class);
        assertThatCode(() -> StakeholderAccess.requireManager(caller(Role.ADMIN, null), suspended)).doesNotThrowAnyException();
    }

    @Test
    void liaisonsMembersAndAdminsSeeTheEscalationContactTheRestDoNot() {
        assertThat(StakeholderAccess.seesEscalationContact(caller(Role.GOV_LIAISON, CHIRP), STREAMLY)).isTrue();
        assertThat(StakeholderAccess.seesEscalationContact(caller(Role.COMPANY_RESPONDER, STREAMLY), STREAMLY)).isTrue();
        assertThat(StakeholderAccess.seesEscalationContact(caller(Role.COMPANY_RESPONDER, CHIRP), STREAMLY)).isFalse();
        assertThat(StakeholderAccess.seesEscalationContact(caller(Role.APPELLANT, null), STREAMLY)).isFalse();
        assertThat(StakeholderAccess.seesEscalationContact(Caller.anonymous(), STREAMLY)).isFalse();
    }
}
