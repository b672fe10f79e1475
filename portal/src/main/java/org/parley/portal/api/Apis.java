package org.parley.portal.api;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.parley.portal.PortalProperties;
import org.parley.portal.signin.SignInConfiguration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives each page an {@link Api} bound to the person who asked for it. Their access token is
 * fetched once per page on the request's own thread (refreshed first if it expires within a
 * minute), one refresh at a time per session, so parallel calls never race on a refresh
 * token.
 */
@Component
public class Apis {

    private final RestClient http;
    /** For event streams: no read timeout, since a stream is quiet between heartbeats by design. */
    private final RestClient streams;
    private final OAuth2AuthorizedClientManager clients;
    private final CircuitBreakerRegistry circuitBreakers;
    private final JsonMapper json;
    private final PortalProperties properties;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** Striped by session id: one refresh at a time per session within this instance. */
    private final Object[] refreshLocks = new Object[64];

    public Apis(RestClient.Builder builder, OAuth2AuthorizedClientManager clients,
            CircuitBreakerRegistry circuitBreakers, JsonMapper json, PortalProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().baseUrl(properties.apiUri().toString()).requestFactory(factory).build();
        this.streams = builder.clone().baseUrl(properties.apiUri().toString())
                .requestFactory(new JdkClientHttpRequestFactory(client)).build();
        this.clients = clients;
        this.circuitBreakers = circuitBreakers;
        this.json = json;
        this.properties = properties;
        for (int i = 0; i < refreshLocks.length; i++) {
            refreshLocks[i] = new Object();
        }
    }

    /** The API as the person behind the current request sees it, asked in the page's language. */
    public Api current() {
        return new Api(http, streams, accessToken(), circuitBreakers, json, executor, properties.pageDeadline(),
                LocaleContextHolder.getLocale());
    }

    /** The API as anyone sees it, without a token (public pages look the same to everyone). */
    public Api anonymous() {
        return new Api(http, streams, null, circuitBreakers, json, executor, properties.pageDeadline(), null);
    }

    private String accessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken)) {
            return null;
        }
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest
                .withClientRegistrationId(SignInConfiguration.REGISTRATION)
                .principal(authentication)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build();
        HttpSession session = request.getSession();
        OAuth2AuthorizedClient client;
        try {
            synchronized (refreshLocks[Math.floorMod(session.getId().hashCode(), refreshLocks.length)]) {
                client = clients.authorize(authorize);
            }
        } catch (OAuth2AuthorizationException e) {
            // the refresh token is no longer valid (Keycloak session ended): sign in again
            throw new ClientAuthorizationRequiredException(SignInConfiguration.REGISTRATION);
        }
        if (client == null) {
            throw new ClientAuthorizationRequiredException(SignInConfiguration.REGISTRATION);
        }
        return client.getAccessToken().getTokenValue();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
