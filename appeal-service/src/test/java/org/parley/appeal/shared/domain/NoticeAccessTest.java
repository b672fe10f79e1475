package org.parley.appeal.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;

class NoticeAccessTest {

    private static final UUID COMPANY = UUID.randomUUID();

    @Test
    void eachRoleSeesInItsOwnCapacityAndOthersNotAtAll() {
        assertThat(capacities(caller("owner", null, Role.APPELLANT), "owner", false)).containsExactly(NoticeAccess.OWNER);
        assertThat(capacities(caller("other", null, Role.APPELLANT), "owner", true)).isEmpty();
        assertThat(capacities(caller("r", COMPANY.toString(), Role.COMPANY_RESPONDER), "owner", false))
                .containsExactly(NoticeAccess.COMPANY);
        assertThat(capacities(caller("r", UUID.randomUUID().toString(), Role.COMPANY_RESPONDER), "owner", true)).isEmpty();
        assertThat(capacities(caller("l", COMPANY.toString(), Role.GOV_LIAISON), "owner", true))
                .as("the tenant alone is not enough: the role must match").isEmpty();
        assertThat(capacities(caller("x", null, Role.REVIEWER), "owner", false)).isEmpty();
        assertThat(capacities(caller("x", null, Role.REVIEWER), "owner", true)).containsExactly(NoticeAccess.REVIEWER);
        assertThat(capacities(caller("a", null, Role.ADMIN), null, false)).containsExactly(NoticeAccess.ADMIN);
        assertThat(capacities(caller("owner", null, Role.SERVICE), "owner", true)).isEmpty();
    }

    @Test
    void onlyCallersInSomeCapacityMayListAtAll() {
        assertThat(NoticeAccess.mayList(caller("o", null, Role.APPELLANT))).isTrue();
        assertThat(NoticeAccess.mayList(caller("r", COMPANY.toString(), Role.COMPANY_RESPONDER))).isTrue();
        assertThat(NoticeAccess.mayList(caller("x", null, Role.REVIEWER))).isTrue();
        assertThat(NoticeAccess.mayList(caller("a", null, Role.ADMIN))).isTrue();
        assertThat(NoticeAccess.mayList(caller("r", null, Role.COMPANY_RESPONDER))).as("bound to no company").isFalse();
        assertThat(NoticeAccess.mayList(caller("l", COMPANY.toString(), Role.GOV_LIAISON))).isFalse();
        assertThat(NoticeAccess.mayList(caller("s", null, Role.SERVICE))).isFalse();
    }

    @Test
    void anyoneBoundToTheCompanyIsNoIndependentReviewerOfItHoweverItsIdIsSpelled() {
        Caller insider = new Caller("i", "i", Set.of(Role.REVIEWER, Role.COMPANY_RESPONDER), Optional.of(COMPANY.toString()));
        assertThat(NoticeAccess.isIndependentOf(insider, COMPANY)).isFalse();
        assertThat(NoticeAccess.isIndependentOf(caller("x", COMPANY.toString().toUpperCase(java.util.Locale.ROOT),
                Role.REVIEWER), COMPANY)).isFalse();
        assertThat(NoticeAccess.isIndependentOf(caller("x", null, Role.REVIEWER), COMPANY)).isTrue();
        assertThat(NoticeAccess.isIndependentOf(caller("x", UUID.randomUUID().toString(), Role.REVIEWER), COMPANY)).isTrue();
    }

    @Test
    void theOwnerSeesTheirAccountButNoStaffNames() {
        assertThat(NoticeAccess.OWNER.seesAccount()).isTrue();
        assertThat(NoticeAccess.OWNER.seesStaffNames()).isFalse();
        assertThat(NoticeAccess.REVIEWER.seesAccount()).isFalse();
        assertThat(NoticeAccess.REVIEWER.seesStaffNames()).isTrue();
        assertThat(NoticeAccess.widest(Set.of(NoticeAccess.OWNER, NoticeAccess.REVIEWER))).contains(NoticeAccess.REVIEWER);
    }

    private static Set<NoticeAccess> capacities(Caller caller, String owner, boolean escalated) {
        return NoticeAccess.capacities(caller, COMPANY, owner, escalated);
    }

    private static Caller caller(String subject, String tenant, Role role) {
        return new Caller(subject, subject, Set.of(role), Optional.ofNullable(tenant));
    }
}
