package org.parley.stakeholder.accounts.domain;

import java.util.Optional;
import org.parley.common.kernel.Role;
import org.parley.stakeholder.registry.domain.StakeholderKind;

/** The role a member of a stakeholder holds: authorities have liaisons, companies responders. */
public final class MemberRoles {

    private MemberRoles() {}

    public static Optional<Role> forKind(StakeholderKind kind) {
        return switch (kind) {
            case STATE -> Optional.of(Role.GOV_LIAISON);
            case COMPANY -> Optional.of(Role.COMPANY_RESPONDER);
            default -> Optional.empty();
        };
    }
}
