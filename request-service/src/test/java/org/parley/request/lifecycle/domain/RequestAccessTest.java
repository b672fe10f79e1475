package org.parley.request.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;

class RequestAccessTest {

    static Caller caller(Role role, Object stakeholder) {
        return new Caller("s-" + UUID.randomUUID(), "user", Set.of(role),
                Optional.ofNullable(stakeholder).map(Object::toString));
    }

    final GovernmentRequest request = RequestFixtures.removalOrder();
    final GovernmentRequest unconfirmed = RequestFixtures.emergency();

    @Test
    void liaisonsOfTheAuthoritySeeItAsTheAuthority() {
        assertThat(RequestAccess.of(caller(Role.GOV_LIAISON, RequestFixtures.AUTHORITY.id()), request)).isEqualTo(RequestAccess.AUTHORITY);
        assertThat(RequestAccess.of(caller(Role.GOV_LIAISON, RequestFixtures.AUTHORITY.id()), unconfirmed)).isEqualTo(RequestAccess.AUTHORITY);
    }

    @Test
    void respondersOfTheCompanySeeItOnlyOnceItReachedThem() {
        Caller responder = caller(Role.COMPANY_RESPONDER, RequestFixtures.COMPANY.id());

        assertThat(RequestAccess.of(responder, request)).isEqualTo(RequestAccess.COMPANY);
        assertThat(RequestAccess.of(responder, unconfirmed)).isEqualTo(RequestAccess.NONE);
    }

    @Test
    void anotherTenantOrTheWrongRoleForTheTenantSeesNothing() {
        assertThat(RequestAccess.of(caller(Role.GOV_LIAISON, UUID.randomUUID()), request)).isEqualTo(RequestAccess.NONE);
        assertThat(RequestAccess.of(caller(Role.COMPANY_RESPONDER, UUID.randomUUID()), request)).isEqualTo(RequestAccess.NONE);
        assertThat(RequestAccess.of(caller(Role.COMPANY_RESPONDER, RequestFixtures.AUTHORITY.id()), request)).isEqualTo(RequestAccess.NONE);
        assertThat(RequestAccess.of(caller(Role.GOV_LIAISON, RequestFixtures.COMPANY.id()), request)).isEqualTo(RequestAccess.NONE);
        assertThat(RequestAccess.of(caller(Role.APPELLANT, null), request)).isEqualTo(RequestAccess.NONE);
        assertThat(RequestAccess.of(Caller.anonymous(), request)).isEqualTo(RequestAccess.NONE);
    }

    @Test
    void reviewersAndAdminsOverseeEveryRequestButActForNoSide() {
        RequestAccess reviewer = RequestAccess.of(caller(Role.REVIEWER, null), unconfirmed);

        assertThat(reviewer).isEqualTo(RequestAccess.OVERSIGHT);
        assertThat(RequestAccess.of(caller(Role.ADMIN, null), request)).isEqualTo(RequestAccess.OVERSIGHT);
        assertThat(reviewer.side()).isEmpty();
    }
}
