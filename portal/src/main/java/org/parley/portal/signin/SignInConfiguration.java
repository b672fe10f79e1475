package org.parley.portal.signin;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.common.kernel.RealmRoles;
import org.parley.common.kernel.Role;
import org.parley.portal.web.PageLanguage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * How people sign in: the portal is a confidential OAuth2 client of Keycloak (authorization
 * code with PKCE), keeps their tokens in the session (which lives in PostgreSQL, so any
 * portal instance serves it), and signs them out at Keycloak too.
 *
 * <p>The endpoints are derived from the issuer rather than discovered, so the portal starts
 * and serves its public pages while Keycloak is still starting or down.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakProperties.class)
public class SignInConfiguration {

    public static final String REGISTRATION = "keycloak";
    public static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;

    @Bean
    ClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuerUri())
                .authorizationUri(keycloak.endpoint("auth"))
                .tokenUri(keycloak.endpoint("token"))
                .jwkSetUri(keycloak.endpoint("certs"))
                .userInfoUri(keycloak.endpoint("userinfo"))
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.endpoint("logout")))
                .clientName("Keycloak")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** Tokens live in the session, so whichever portal instance serves the next request has them. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out a person's access token, refreshing it shortly (a minute) before it expires. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
            KeycloakProperties keycloak, PageLanguage language) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        String keycloakOrigin = origin(keycloak.issuerUri());
        // htmx calls and event streams get a plain 401 rather than a redirect they cannot follow
        MediaTypeRequestMatcher eventStream = new MediaTypeRequestMatcher(MediaType.TEXT_EVENT_STREAM);
        eventStream.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/liaison", "/liaison/**").hasRole(Viewer.LIAISON)
                        .requestMatchers("/company", "/company/**").hasRole(Viewer.RESPONDER)
                        .requestMatchers("/my", "/my/**").hasRole(Viewer.APPELLANT)
                        .requestMatchers("/reviewer", "/reviewer/**").hasRole(Viewer.REVIEWER)
                        .requestMatchers("/admin", "/admin/**").hasRole(Viewer.ADMIN)
                        .requestMatchers("/stream/**").authenticated()
                        // everything else is public, or a page that does not exist
                        .anyRequest().permitAll())
                .oauth2Login(login -> login
                        .authorizationEndpoint(authorization -> authorization
                                .authorizationRequestResolver(inPageLanguage(registrations, language)))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(withRealmRoles()))
                        .successHandler(new StartPageHandler(language)))
                .logout(logout -> logout
                        .logoutUrl("/signout")
                        .logoutSuccessHandler(signedOut))
                .exceptionHandling(handling -> handling
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new OrRequestMatcher(new RequestHeaderRequestMatcher("HX-Request"), eventStream))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN),
                                request -> true)
                        // a form without its token is refused as such; a desk that is not yours
                        // answers like a page that does not exist
                        .accessDeniedHandler((request, response, denied) -> response.sendError(
                                denied instanceof org.springframework.security.web.csrf.CsrfException
                                        ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                                + "base-uri 'self'; form-action 'self' " + keycloakOrigin))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getAuthority();
    }

    /**
     * Keycloak puts the realm roles into the access token; the portal reads them from there
     * to choose the desks it offers. The token came straight from Keycloak's token endpoint
     * over the back channel, and every service verifies it again on each call.
     */
    static OAuth2UserService<OidcUserRequest, OidcUser> withRealmRoles() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            for (Role role : realmRoles(request.getAccessToken().getTokenValue())) {
                authorities.add(new SimpleGrantedAuthority(role.authority()));
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }

    /** Parley's roles in the access token, read as every service reads them. */
    static Set<Role> realmRoles(String accessToken) {
        try {
            return RealmRoles.of(JWTParser.parse(accessToken).getJWTClaimsSet().getClaims());
        } catch (java.text.ParseException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token"), "unreadable access token", e);
        }
    }

    /**
     * Keycloak's sign-in page in the language of the page the person came from
     * ({@code ui_locales}, OpenID Connect Core 3.1.2.1); Keycloak shows it when its realm offers it.
     */
    static OAuth2AuthorizationRequestResolver inPageLanguage(ClientRegistrationRepository registrations,
            PageLanguage language) {
        DefaultOAuth2AuthorizationRequestResolver standard = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return withLanguage(standard.resolve(request), request);
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return withLanguage(standard.resolve(request, registrationId), request);
            }

            private OAuth2AuthorizationRequest withLanguage(OAuth2AuthorizationRequest authorization,
                    HttpServletRequest request) {
                if (authorization == null) {
                    return null;
                }
                String tag = language.resolveLocale(request).toLanguageTag();
                return OAuth2AuthorizationRequest.from(authorization)
                        .additionalParameters(parameters -> parameters.put("ui_locales", tag))
                        .build();
            }
        };
    }

    /**
     * After sign-in: the language the person chose before applies, then the page they were
     * sent away from, else the start page of their role.
     */
    static final class StartPageHandler extends SavedRequestAwareAuthenticationSuccessHandler {
        private final PageLanguage language;

        StartPageHandler(PageLanguage language) {
            this.language = language;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws jakarta.servlet.ServletException, java.io.IOException {
            language.signedIn(request, response, authentication);
            super.onAuthenticationSuccess(request, response, authentication);
        }

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) {
            Viewer viewer = Viewer.of(authentication);
            return viewer == null ? "/" : viewer.startPage();
        }
    }
}
