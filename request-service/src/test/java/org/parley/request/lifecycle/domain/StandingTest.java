package org.parley.request.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;

class StandingTest {

    static Caller caller(Role role, Object stakeholder) {
        return new Caller("s-" + UUID.randomUUID(), "user", Set.of(role),
                Optional.ofNullable(stakeholder).map(Object::toString));
    }

    final GovernmentRequest request = RequestFixtures.removalOrder();
    final GovernmentRequest unconfirmed = RequestFixtures.emergency();

    @Test
    void liaisonsOfTheAuthoritySeeItAsTheAuthority() {
        assertThat(Standing.of(caller(Role.GOV_LIAISON, RequestFixtures.AUTHORITY.id()), request)).isEqualTo(Standing.AUTHORITY);
        assertThat(Standing.of(caller(Role.GOV_LIAISON, RequestFixtures.AUTHORITY.id()), unconfirmed)).isEqualTo(Standing.AUTHORITY);
    }

    @Test
    void respondersOfTheCompanySeeItOnlyOnceItReachedThem() {
        Caller responder = caller(Role.COMPANY_RESPONDER, RequestFixtures.COMPANY.id());

        assertThat(Standing.of(responder, request)).isEqualTo(Standing.COMPANY);
        assertThat(Standing.of(responder, unconfirmed)).isEqualTo(Standing.NONE);
    }

    @Test
    void anotherTenantOrTheWrongRoleForTheTenantSeesNothing() {
        assertThat(Standing.of(caller(Role.GOV_LIAISON, UUID.randomUUID()), request)).isEqualTo(Standing.NONE);
        assertThat(Standing.of(caller(Role.COMPANY_RESPONDER, UUID.randomUUID()), request)).isEqualTo(Standing.NONE);
        assertThat(Standing.of(caller(Role.COMPANY_RESPONDER, RequestFixtures.AUTHORITY.id()), request)).isEqualTo(Standing.NONE);
        assertThat(Standing.of(caller(Role.GOV_LIAISON, RequestFixtures.COMPANY.id()), request)).isEqualTo(Standing.NONE);
        assertThat(Standing.of(caller(Role.APPELLANT, null), request)).isEqualTo(Standing.NONE);
        assertThat(Standing.of(Caller.anonymous(), request)).isEqualTo(Standing.NONE);
    }

    @Test
    void reviewersAndAdminsOverseeEveryRequestButActForNoSide() {
        Standing reviewer = Standing.of(caller(Role.REVIEWER, null), unconfirmed);

        assertThat(reviewer).isEqualTo(Standing.OVERSIGHT);
        assertThat(Standing.of(caller(Role.ADMIN, null), request)).isEqualTo(Standing.OVERSIGHT);
        assertThat(reviewer.side()).isEmpty();
    }
}
