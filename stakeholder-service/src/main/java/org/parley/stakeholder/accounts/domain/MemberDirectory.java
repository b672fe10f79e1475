package org.parley.stakeholder.accounts.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.kernel.Role;

/**
 * The identity provider's user directory, as this service needs it (a port: the adapter speaks to
 * Keycloak). Refusals: {@link org.parley.common.kernel.Conflict} when the username or e-mail is
 * taken, {@link org.parley.common.kernel.Unavailable} when the directory does not answer.
 */
public interface MemberDirectory {

    /** Creates an enabled account bound to the stakeholder, with the role, and sets up its password. */
    Provisioned provision(NewMember member, UUID stakeholderId, Role role, PasswordSetup passwordSetup);

    /** Accounts bound to the stakeholder, by username; {@code first} counts from 0. */
    List<Member> membersOf(UUID stakeholderId, int first, int max);

    Optional<Member> find(String id);

    /** Disables the account: it can no longer log in, and its history stays attributable. */
    void disable(String id);

    /** Removes an account that was only half provisioned. */
    void remove(String id);
}
