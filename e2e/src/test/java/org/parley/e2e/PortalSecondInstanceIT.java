package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.parley.e2e.support.PortalSession;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.local.Topology;

/**
 * The portal scales out: its sessions live in PostgreSQL (Spring Session JDBC), so a person
 * signed in through one instance is signed in on every other, with the same access token and
 * the same CSRF token, and signing out on one ends the session on all.
 */
@SystemTest
class PortalSecondInstanceIT {

    private static final int SECOND_PORTAL_PORT = 8085;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void aSessionStartedOnOnePortalInstanceIsServedByAnother() {
        URI second = RunningPlatform.platform().startSecondInstance(Topology.PORTAL, SECOND_PORTAL_PORT);
        PortalSession responder = PortalSession.signIn(RunningPlatform.platform().gatewayUrl(), "responder-streamly-1@parley.local");

        // the first instance, through the gateway
        HttpResponse<String> first = responder.get("/company");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("<h1>Inbox</h1>").doesNotContain("cannot be reached");

        // the second instance knows the session, and calls the API with the person's token from it
        HttpResponse<String> there = responder.getAt(second, "/company");
        assertThat(there.uri().getAuthority()).as("not sent to sign in again").isEqualTo(second.getAuthority());
        assertThat(there.statusCode()).isEqualTo(200);
        assertThat(there.body()).contains("<h1>Inbox</h1>").doesNotContain("cannot be reached");

        // a form drawn by the first instance is accepted by the second: the CSRF token is in the shared session
        Matcher csrf = CSRF.matcher(first.body());
        assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
        HttpResponse<String> signedOut = responder.postFormAt(second, "/signout", Map.of("_csrf", csrf.group(1)));
        assertThat(signedOut.statusCode()).as(signedOut.uri().toString()).isEqualTo(200);

        // signed out there means signed out here: the first instance sends the person to Keycloak
        HttpResponse<String> afterwards = responder.get("/company");
        assertThat(afterwards.uri().getAuthority())
                .isEqualTo(RunningPlatform.platform().keycloakUrl().getAuthority());
        assertThat(afterwards.body()).contains("kc-form-login");
    }
}
