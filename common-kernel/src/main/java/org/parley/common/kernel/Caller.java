package org.parley.common.kernel;

import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: the token's subject, its Parley roles and, for liaisons and responders, the
 * stakeholder they act for (their tenant). The domain decides with this value alone, without
 * knowing where it came from.
 */
public record Caller(String subject, String username, Set<Role> roles, Optional<String> stakeholderId) {

    private static final Caller ANONYMOUS = new Caller("anonymous", "anonymous", Set.of(), Optional.empty());

    public Caller {
        roles = Set.copyOf(roles);
        stakeholderId = stakeholderId.filter(id -> !id.isBlank());
    }

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** A service acting on its own account, e.g. a scheduled job: the actor of the audit records it writes. */
    public static Caller service(String name) {
        return new Caller(name, name, Set.of(Role.SERVICE), Optional.empty());
    }

    public boolean isAnonymous() {
        return equals(ANONYMOUS);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** True when this caller acts for the given stakeholder (its own tenant). */
    public boolean actsFor(String stakeholder) {
        return stakeholderId.map(own -> own.equals(stakeholder)).orElse(false);
    }

    /** True when the caller holds the role and acts for the given stakeholder. */
    public boolean actsFor(String stakeholder, Role role) {
        return has(role) && actsFor(stakeholder);
    }

    /** The caller's tenant, or a {@link Forbidden} refusal when the token names none. */
    public String requireStakeholder() {
        return stakeholderId.orElseThrow(() -> new Forbidden("Your account is not bound to a stakeholder"));
    }

    /** Refuses with {@link Forbidden} unless the caller holds one of the roles. */
    public void require(Role... anyOf) {
        for (Role role : anyOf) {
            if (has(role)) {
                return;
            }
        }
        throw new Forbidden("This action needs one of the roles " + java.util.Arrays.toString(anyOf));
    }
}
