package org.parley.stakeholder.registry.domain;

import java.util.Optional;
import java.util.UUID;
import org.parley.common.kernel.Caller;

/**
 * Whether an account acts for a stakeholder in its member role. The registry answers the other
 * services' question over gRPC, but accounts live in the identity provider: the accounts feature,
 * which depends on the registry, implements this, so that the dependency runs one way.
 */
public interface MembershipCheck {

    /**
     * The username of the account {@code subject} if it acts for the stakeholder, empty if not.
     * Throws {@code NotFound} for an unknown stakeholder and {@code Forbidden} unless the caller is
     * a service, an admin or one of the stakeholder's own members.
     */
    Optional<String> memberUsername(Caller caller, UUID stakeholderId, String subject);
}
