package org.parley.portal.signin;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person looking at a page: who they are and which desks they may open. Roles only
 * choose what the portal offers; every service checks them again on each call.
 *
 * @param username      the Keycloak username
 * @param displayName   the name to greet them with
 * @param roles         realm roles such as {@code gov-liaison}
 * @param stakeholderId the authority or company they act for, or {@code null}
 */
public record Viewer(String username, String displayName, Set<String> roles, String stakeholderId) {

    public static final String LIAISON = "gov-liaison";
    public static final String RESPONDER = "company-responder";
    public static final String APPELLANT = "appellant";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";

    public Viewer {
        roles = Set.copyOf(roles);
    }

    /** The signed-in person, or {@code null} for a visitor. */
    public static Viewer of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        return new Viewer(user.getPreferredUsername(), name, roles, user.getClaimAsString("stakeholder_id"));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** Where this person starts after signing in. */
    public String startPage() {
        if (is(LIAISON)) {
            return "/liaison";
        }
        if (is(RESPONDER)) {
            return "/company";
        }
        if (is(ADMIN)) {
            return "/admin";
        }
        if (is(REVIEWER)) {
            return "/reviewer";
        }
        if (is(APPELLANT)) {
            return "/my";
        }
        return "/";
    }
}
