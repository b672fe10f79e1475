package org.parley.portal.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PortalTest
class SignInAndErrorPagesIT extends PortalTest.Base {

    @Test
    void visitorSeesTheHomePageWithoutASession() throws Exception {
        var result = mvc.perform(get("/").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<h1>Parley: preventing violent extremism online")))
                .andReturn();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void homePageFollowsTheBrowsersLanguageAndTheSwitch() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.5"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"fr\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Se connecter")));
        mvc.perform(get("/").param("lang", "en").header("Accept-Language", "fr"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"en\"")))
                .andExpect(header().string("Set-Cookie", org.hamcrest.Matchers.containsString("PARLEY_LANG=en")));
        // a language the portal does not offer is ignored
        mvc.perform(get("/").param("lang", "xx").header("Accept-Language", "es"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"en\"")));
    }

    @Test
    void signedOutVisitorOfADeskIsSentToSignIn() throws Exception {
        mvc.perform(get("/company")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        mvc.perform(get("/liaison")).andExpect(status().isFound());
    }

    @Test
    void signInStartsTheCodeFlowWithPkceAtKeycloak() throws Exception {
        var result = mvc.perform(get("/oauth2/authorization/keycloak")).andExpect(status().isFound()).andReturn();
        String location = result.getResponse().getHeader("Location");
        assertThat(location).startsWith("http://localhost:8180/realms/parley/protocol/openid-connect/auth?")
                .contains("client_id=parley-portal", "code_challenge_method=S256", "code_challenge=",
                        "redirect_uri=http://localhost/login/oauth2/code/keycloak");
    }

    @Test
    void aDeskOfAnotherRoleAnswersLikeAPageThatDoesNotExist() throws Exception {
        // (the page itself is drawn on the error dispatch, which the system tests see)
        mvc.perform(get("/company").with(signedIn("liaison-de-1", "a1", "gov-liaison")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/no/such/page"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<h1>Page not found</h1>")));
    }

    @Test
    void signOutNeedsTheCsrfTokenAndEndsTheKeycloakSession() throws Exception {
        mvc.perform(post("/signout").with(signedIn("liaison-de-1", "a1", "gov-liaison")))
                .andExpect(status().isForbidden());
        var result = mvc.perform(post("/signout").with(signedIn("liaison-de-1", "a1", "gov-liaison")).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        assertThat(result.getResponse().getHeader("Location"))
                .startsWith("http://localhost:8180/realms/parley/protocol/openid-connect/logout?")
                .contains("id_token_hint=", "post_logout_redirect_uri=http://localhost/");
    }

    @Test
    void privatePagesAreNeverCached() throws Exception {
        mvc.perform(get("/").with(signedIn("liaison-de-1", "a1", "gov-liaison")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
    }
}
