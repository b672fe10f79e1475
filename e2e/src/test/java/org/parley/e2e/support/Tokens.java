package org.parley.e2e.support;

import java.net.URI;

import org.parley.local.DemoTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the real Keycloak for the demo users of the realm (the launcher's
 * {@link DemoTokens}). This is not the test kit's {@code TestTokens}: those are signed with a key
 * of the test JVM, which the running platform, trusting only Keycloak's keys, refuses.
 */
public final class Tokens {

    public static final String DEMO_PASSWORD = DemoTokens.DEMO_PASSWORD;

    private final DemoTokens tokens;

    public Tokens(URI tokenEndpoint) {
        this.tokens = new DemoTokens(tokenEndpoint);
    }

    /** The tokens of the running platform. */
    public static Tokens ofPlatform() {
        return new Tokens(RunningPlatform.platform().tokenEndpoint());
    }

    /** The claims of a token, read without checking it (for tests that look at what Keycloak signed). */
    public static JsonNode claims(String token) {
        return JsonMapper.builder().build().readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** An access token of a demo user, e.g. {@code admin}, {@code liaison-de-1}. */
    public String of(String username) {
        return tokens.of(username);
    }
}
