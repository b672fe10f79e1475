package org.parley.common.kernel;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The Parley roles an access token grants: Keycloak lists realm roles under
 * {@code realm_access.roles}. Roles Parley does not know ({@code offline_access},
 * {@code default-roles-parley}, ...) grant nothing.
 */
public final class RealmRoles {

    private RealmRoles() {}

    /** The roles named in a token's claims; none when the claim is missing or malformed. */
    public static Set<Role> of(Map<String, ?> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names) {
            for (Object name : names) {
                if (name instanceof String realmName) {
                    Role.fromRealmName(realmName).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }
}
