package org.parley.common.grpc;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The service's own access token (client credentials) for calls made without a caller: background
 * work and anonymous public reads. Spring Security caches it and fetches a new one before expiry.
 */
public final class ServiceTokens implements Supplier<Optional<String>> {

    private static final String REGISTRATION = "parley-service";
    private static final AnonymousAuthenticationToken PRINCIPAL = new AnonymousAuthenticationToken(
            "parley", "parley-service", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    public ServiceTokens(String tokenUri, String clientId, String clientSecret) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUri)
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
    }

    @Override
    public Optional<String> get() {
        OAuth2AuthorizedClient client = manager.authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(PRINCIPAL).build());
        return Optional.ofNullable(client).map(c -> c.getAccessToken().getTokenValue());
    }
}
