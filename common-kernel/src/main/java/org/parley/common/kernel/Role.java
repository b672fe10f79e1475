package org.parley.common.kernel;

import java.util.Optional;

/** The realm roles of Parley's identity provider. */
public enum Role {
    GOV_LIAISON("gov-liaison"),
    COMPANY_RESPONDER("company-responder"),
    APPELLANT("appellant"),
    REVIEWER("reviewer"),
    ADMIN("admin"),
    /** A Parley service acting on its own behalf, never a person. */
    SERVICE("service");

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    /** The role's name in the Keycloak realm, e.g. {@code gov-liaison}. */
    public String realmName() {
        return realmName;
    }

    /**
     * The role as a granted authority, {@code ROLE_<realm name>}: what {@code hasRole("<realm name>")}
     * checks, at the gateway and in the services alike.
     */
    public String authority() {
        return "ROLE_" + realmName;
    }

    public static Optional<Role> fromRealmName(String name) {
        for (Role role : values()) {
            if (role.realmName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
