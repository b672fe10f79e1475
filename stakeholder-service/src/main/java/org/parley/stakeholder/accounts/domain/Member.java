package org.parley.stakeholder.accounts.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.parley.common.kernel.Role;

/**
 * An account as the identity provider holds it. Parley keeps none of this in its own database:
 * it asks the identity provider whenever it needs it.
 *
 * @param id          the account's subject (the {@code sub} claim of its tokens)
 * @param stakeholder the stakeholder the account acts for, if any
 */
public record Member(String id, String username, String email, String firstName, String lastName,
        Optional<UUID> stakeholder, Set<Role> roles, boolean enabled, Instant createdAt) {

    public Member {
        roles = Set.copyOf(roles);
    }

    /** Bound to the stakeholder, enabled, and holding the stakeholder's member role. */
    public boolean actsFor(UUID stakeholderId, Role memberRole) {
        return enabled && stakeholder.map(stakeholderId::equals).orElse(false) && roles.contains(memberRole);
    }
}
