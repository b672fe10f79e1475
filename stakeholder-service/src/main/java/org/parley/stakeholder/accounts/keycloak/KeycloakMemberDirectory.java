package org.parley.stakeholder.accounts.keycloak;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.spi.StreamMessageBodyReader;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.Unavailable;
import org.parley.common.security.KeycloakTokens;
import org.parley.stakeholder.accounts.domain.Member;
import org.parley.stakeholder.accounts.domain.MemberDirectory;
import org.parley.stakeholder.accounts.domain.NewMember;
import org.parley.stakeholder.accounts.domain.PasswordSetup;
import org.parley.stakeholder.accounts.domain.Provisioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The member directory in Keycloak, through its admin API: users carry the realm role and the
 * {@code stakeholder_id} attribute (declared in the realm's user profile, which the token mapper
 * turns into the {@code stakeholder_id} claim). Every call has a connect and read timeout.
 */
@Component
class KeycloakMemberDirectory implements MemberDirectory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakMemberDirectory.class);
    private static final String DEPENDENCY = "The identity provider";
    private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    private static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    // no look-alike characters (0/O, 1/l/I), and every class a password policy may ask for
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "-_.!?";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keycloak keycloak;
    private final String realm;

    KeycloakMemberDirectory(KeycloakAdminProperties properties) {
        this.realm = properties.realm();
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(properties.url())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(new ResteasyClientBuilderImpl()
                        .connectionPoolSize(8)
                        .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .register(JacksonProvider.class, 100)
                        .register(StreamMessageBodyReader.class)
                        .build())
                .build();
    }

    @Override
    public Provisioned provision(NewMember member, UUID stakeholderId, Role role, PasswordSetup passwordSetup) {
        return call(() -> {
            RealmResource realmResource = keycloak.realm(realm);
            RoleRepresentation realmRole = realmResource.roles().get(role.realmName()).toRepresentation();
            UserRepresentation user = new UserRepresentation();
            user.setUsername(member.username());
            user.setEmail(member.email());
            user.setFirstName(member.firstName());
            user.setLastName(member.lastName());
            user.setEnabled(true);
            user.setAttributes(Map.of(KeycloakTokens.TENANT_CLAIM, List.of(stakeholderId.toString())));
            if (passwordSetup == PasswordSetup.EMAIL_ACTION) {
                user.setRequiredActions(List.of(VERIFY_EMAIL, UPDATE_PASSWORD));
            } else {
                // the realm has people confirm their address before they sign in; here the administrator
                // vouches for it and hands the temporary password over, so the first sign-in asks for a
                // new password only
                user.setEmailVerified(true);
            }
            String id;
            try (Response created = realmResource.users().create(user)) {
                if (created.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new Conflict("MEMBER_EXISTS", "An account with this username or e-mail already exists");
                }
                id = CreatedResponseUtil.getCreatedId(created);
            }
            try {
                UserResource account = realmResource.users().get(id);
                account.roles().realmLevel().add(List.of(realmRole));
                // the realm's default role makes people who register themselves appellants; a member
                // provisioned for a stakeholder holds its own role only
                account.roles().realmLevel().remove(List.of(realmResource.toRepresentation().getDefaultRole()));
                Optional<String> temporaryPassword = Optional.empty();
                if (passwordSetup == PasswordSetup.TEMPORARY_PASSWORD) {
                    String password = temporaryPassword();
                    CredentialRepresentation credential = new CredentialRepresentation();
                    credential.setType(CredentialRepresentation.PASSWORD);
                    credential.setValue(password);
                    credential.setTemporary(true);
                    account.resetPassword(credential);
                    temporaryPassword = Optional.of(password);
                } else {
                    account.executeActionsEmail(List.of(VERIFY_EMAIL, UPDATE_PASSWORD));
                }
                return new Provisioned(toMember(account.toRepresentation(), Set.of(role)), passwordSetup, temporaryPassword);
            } catch (RuntimeException e) {
                log.warn("provisioning account {} failed half-way; removing it", id);
                remove(id);
                throw e;
            }
        });
    }

    @Override
    public List<Member> membersOf(UUID stakeholderId, int first, int max) {
        return call(() -> {
            RealmResource realmResource = keycloak.realm(realm);
            return realmResource.users()
                    .searchByAttributes(first, max, null, false, KeycloakTokens.TENANT_CLAIM + ":" + stakeholderId)
                    .stream()
                    .map(user -> toMember(user, roles(realmResource.users().get(user.getId()))))
                    .toList();
        });
    }

    @Override
    public Optional<Member> find(String id) {
        if (Ids.parse(id).isEmpty()) {
            return Optional.empty();
        }
        return call(() -> {
            UserResource account = keycloak.realm(realm).users().get(id);
            try {
                return Optional.of(toMember(account.toRepresentation(), roles(account)));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void disable(String id) {
        call(() -> {
            UserResource account = keycloak.realm(realm).users().get(id);
            UserRepresentation user = account.toRepresentation();
            user.setEnabled(false);
            account.update(user);
            account.logout();
            return null;
        });
    }

    @Override
    public void remove(String id) {
        try (Response ignored = keycloak.realm(realm).users().delete(id)) {
            // removed, or already gone
        } catch (RuntimeException e) {
            log.error("could not remove the half-provisioned account {}; remove it by hand", id, e);
        }
    }

    @Override
    public void close() {
        keycloak.close();
    }

    private static Set<Role> roles(UserResource account) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        account.roles().realmLevel().listEffective().forEach(r -> Role.fromRealmName(r.getName()).ifPresent(roles::add));
        return roles;
    }

    private static Member toMember(UserRepresentation user, Set<Role> roles) {
        Optional<UUID> stakeholder = Optional.ofNullable(user.getAttributes())
                .map(attributes -> attributes.get(KeycloakTokens.TENANT_CLAIM))
                .filter(values -> !values.isEmpty())
                .flatMap(values -> Ids.parse(values.getFirst()));
        return new Member(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                stakeholder, roles, Boolean.TRUE.equals(user.isEnabled()),
                user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp()));
    }

    /** Translates what the admin API throws into Parley's refusals; never leaks its text. */
    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (ProcessingException e) {
            log.warn("the identity provider did not answer: {}", e.getMessage());
            throw new Unavailable(DEPENDENCY);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == Response.Status.CONFLICT.getStatusCode()) {
                throw new Conflict("MEMBER_EXISTS", "An account with this username or e-mail already exists");
            }
            log.warn("the identity provider refused an admin call with {}", status, e);
            throw new Unavailable(DEPENDENCY);
        }
    }

    static String temporaryPassword() {
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        StringBuilder password = new StringBuilder();
        password.append(pick(UPPER)).append(pick(LOWER)).append(pick(DIGITS)).append(pick(SYMBOLS));
        while (password.length() < 20) {
            password.append(pick(all));
        }
        // shuffle so that the required classes are not always in front
        for (int i = password.length() - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char c = password.charAt(i);
            password.setCharAt(i, password.charAt(j));
            password.setCharAt(j, c);
        }
        return password.toString();
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
