package org.parley.portal.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Map;

import org.parley.common.testkit.PostgresProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A portal test: the whole portal in one context with MockMvc, sessions in a PostgreSQL
 * database of its own, and the public API played by a {@link StubApi}. Extend
 * {@link Base} for the stub and the sign-in helper.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "parley.portal.keycloak.issuer-uri=http://localhost:8180/realms/parley",
        "parley.portal.keycloak.client-secret=test-secret",
        "parley.portal.page-deadline=3s",
        "parley.portal.read-timeout=2s"})
@AutoConfigureMockMvc
public @interface PortalTest {

    /** Shared by every portal test class: one stub API for the JVM. */
    abstract class Base {

        protected static final StubApi API = new StubApi();

        /** The portal on its own database, calling the stub in place of the gateway. */
        @org.springframework.test.context.DynamicPropertySource
        static void portalProperties(DynamicPropertyRegistry registry) {
            PostgresProperties.register(registry, "portal");
            registry.add("parley.portal.api-uri", API::url);
        }

        @org.springframework.beans.factory.annotation.Autowired
        protected org.springframework.test.web.servlet.MockMvc mvc;

        @org.springframework.beans.factory.annotation.Autowired
        private io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakersOfEveryTest;

        /**
         * Every test starts with a stub that answers nothing yet, and closed circuits: a test that has a
         * service down must not open them for the next.
         */
        @org.junit.jupiter.api.BeforeEach
        void freshApiAndClosedCircuits() {
            API.reset();
            breakersOfEveryTest.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
        }

        /** Signed in as a demo-like person with these realm roles and tenant; the API sees the bearer token "access-token". */
        @org.springframework.beans.factory.annotation.Autowired
        protected org.springframework.security.oauth2.client.registration.ClientRegistrationRepository registrations;

        protected OidcLoginRequestPostProcessor signedIn(String username, String stakeholderId, String... roles) {
            return oidcLogin()
                    .clientRegistration(registrations.findByRegistrationId("keycloak"))
                    .idToken(token -> {
                        // a subject of their own: what the portal remembers for one person (their language) is not another's
                        token.subject("subject-of-" + username).claim("preferred_username", username)
                                .claim("name", "Test " + username);
                        if (stakeholderId != null) {
                            token.claim("stakeholder_id", stakeholderId);
                        }
                    })
                    .authorities(Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()
                            .toArray(SimpleGrantedAuthority[]::new));
        }

        protected static Map<String, String> none() {
            return Map.of();
        }
    }
}
