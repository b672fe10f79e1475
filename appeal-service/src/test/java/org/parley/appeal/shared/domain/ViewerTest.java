package org.parley.appeal.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;

class ViewerTest {

    private static final UUID COMPANY = UUID.randomUUID();

    @Test
    void eachRoleSeesInItsOwnCapacityAndOthersNotAtAll() {
        assertThat(capacities(caller("owner", null, Role.APPELLANT), "owner", false)).containsExactly(Viewer.OWNER);
        assertThat(capacities(caller("other", null, Role.APPELLANT), "owner", true)).isEmpty();
        assertThat(capacities(caller("r", COMPANY.toString(), Role.COMPANY_RESPONDER), "owner", false))
                .containsExactly(Viewer.COMPANY);
        assertThat(capacities(caller("r", UUID.randomUUID().toString(), Role.COMPANY_RESPONDER), "owner", true)).isEmpty();
        assertThat(capacities(caller("l", COMPANY.toString(), Role.GOV_LIAISON), "owner", true))
                .as("the tenant alone is not enough: the role must match").isEmpty();
        assertThat(capacities(caller("x", null, Role.REVIEWER), "owner", false)).isEmpty();
        assertThat(capacities(caller("x", null, Role.REVIEWER), "owner", true)).containsExactly(Viewer.REVIEWER);
        assertThat(capacities(caller("a", null, Role.ADMIN), null, false)).containsExactly(Viewer.ADMIN);
        assertThat(capacities(caller("owner", null, Role.SERVICE), "owner", true)).isEmpty();
    }

    @Test
    void theOwnerSeesTheirAccountButNoStaffNames() {
        assertThat(Viewer.OWNER.seesAccount()).isTrue();
        assertThat(Viewer.OWNER.seesStaffNames()).isFalse();
        assertThat(Viewer.REVIEWER.seesAccount()).isFalse();
        assertThat(Viewer.REVIEWER.seesStaffNames()).isTrue();
        assertThat(Viewer.widest(Set.of(Viewer.OWNER, Viewer.REVIEWER))).contains(Viewer.REVIEWER);
    }

    private static Set<Viewer> capacities(Caller caller, String owner, boolean escalated) {
        return Viewer.capacities(caller, COMPANY, owner, escalated);
    }

    private static Caller caller(String subject, String tenant, Role role) {
        return new Caller(subject, subject, Set.of(role), Optional.ofNullable(tenant));
    }
}
