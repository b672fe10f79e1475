package org.parley.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The four languages: direction and words of a page, the language sent to the API and to Keycloak, and the language remembered for a person. */
@PortalTest
class LanguagesIT extends PortalTest.Base {

    private static final String EMPTY = "{\"items\":[],\"nextPageToken\":null}";


    @Autowired
    PageLanguage pageLanguage;

    @Autowired
    RememberedLanguages remembered;

    @BeforeEach
    void freshApi() {
        API.on("GET", "/api/v1/stakeholders", 200, EMPTY);
        API.on("GET", "/api/v1/requests", 200, EMPTY);
    }

    @Test
    void anArabicPageReadsRightToLeftInArabic() throws Exception {
        String html = page(get("/").param("lang", "ar").header("Accept-Language", "en"));
        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">", "تسجيل الدخول", "الشفافية")
                .doesNotContain("Sign in");
    }

    @Test
    void aGermanPageIsInGermanLeftToRight() throws Exception {
        String html = page(get("/").param("lang", "de"));
        assertThat(html).contains("<html lang=\"de\" dir=\"ltr\">", "Anmelden", "Transparenz").doesNotContain("Sign in");
        // the browser's German too, without a choice
        assertThat(page(get("/").header("Accept-Language", "de-AT, en;q=0.5"))).contains("<html lang=\"de\"");
    }

    @Test
    void anArabicTransparencyReportDrawsItsChartsFromTheRight() throws Exception {
        API.on("GET", "/api/v1/transparency/requests", 200, """
                {"from":"2026-10-01","to":"2026-12-31","k":5,"groupBy":["TYPE"],
                 "totals":{"requests":"12","overdue":"0","answered":"12","medianHoursToAnswer":0.5,"p90HoursToAnswer":0.9},
                 "rows":[{"type":"REMOVAL_ORDER","count":"12","overdue":"0"}],"authorities":[]}""");
        String arabic = page(get("/transparency/requests").param("period", "2026-Q3").param("lang", "ar"));
        assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\">", "الطلبات الحكومية", "أمر إزالة",
                "direction=\"rtl\"", "الربع 3 من 2026").doesNotContain("direction=\"ltr\"");
        String german = page(get("/transparency/requests").param("period", "2026-Q3").param("lang", "de"));
        assertThat(german).contains("Behördliche Anfragen", "Entfernungsanordnung", "direction=\"ltr\"");
    }

    @Test
    void everyPageOffersTheFourLanguagesInTheirOwnNames() throws Exception {
        String html = page(get("/stakeholders").param("lang", "ar"));
        assertThat(html).contains(">English</a>", ">Français</a>", ">Deutsch</a>", ">العربية</a>",
                "href=\"/stakeholders?lang=de\"", "aria-current=\"true\">العربية</a>");
    }

    @Test
    void theApiIsAskedInThePagesLanguage() throws Exception {
        page(get("/stakeholders").param("lang", "ar").header("Accept-Language", "en"));
        assertThat(API.calls("GET", "/api/v1/stakeholders")).isNotEmpty()
                .allSatisfy(call -> assertThat(call.header("Accept-Language")).isEqualTo("ar"));
        API.reset();
        API.on("GET", "/api/v1/stakeholders", 200, EMPTY);
        page(get("/stakeholders").cookie(new Cookie(PageLanguage.COOKIE, "de")));
        assertThat(API.calls("GET", "/api/v1/stakeholders").getFirst().header("Accept-Language")).isEqualTo("de");
    }

    @Test
    void aSignedInPersonsChoiceIsRememberedForThemWithoutTheCookie() throws Exception {
        String subject = UUID.randomUUID().toString();
        MvcResult chosen = mvc.perform(get("/company").param("lang", "de").with(responder(subject))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn();
        assertThat(chosen.getResponse().getCookie(PageLanguage.COOKIE).getValue()).isEqualTo("de");
        assertThat(chosen.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("<h1>Posteingang</h1>");
        assertThat(API.calls("GET", "/api/v1/requests").getFirst().header("Accept-Language")).isEqualTo("de");
        assertThat(API.calls("GET", "/api/v1/requests").getFirst().header("Authorization")).startsWith("Bearer ");

        // another device: no cookie, a browser in English; the person's choice still applies
        API.reset();
        API.on("GET", "/api/v1/stakeholders", 200, EMPTY);
        API.on("GET", "/api/v1/requests", 200, EMPTY);
        String later = page(get("/company").with(responder(subject)).header("Accept-Language", "en"));
        assertThat(later).contains("<html lang=\"de\"", "<h1>Posteingang</h1>");
        assertThat(API.calls("GET", "/api/v1/requests").getFirst().header("Accept-Language")).isEqualTo("de");

        // someone else is not concerned
        assertThat(page(get("/company").with(responder(UUID.randomUUID().toString())).header("Accept-Language", "en")))
                .contains("<html lang=\"en\"", "<h1>Inbox</h1>");
        // and a visitor's choice is kept in the cookie alone
        mvc.perform(get("/").param("lang", "ar"));
        assertThat(remembered.of(subject)).contains(Locale.GERMAN);
    }

    @Test
    void onSignInThePersonsLanguageApplies() {
        String subject = UUID.randomUUID().toString();
        remembered.remember(subject, Locale.forLanguageTag("ar"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/keycloak");
        request.setCookies(new Cookie(PageLanguage.COOKIE, "fr"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        pageLanguage.signedIn(request, response, authentication(subject));
        assertThat(response.getCookie(PageLanguage.COOKIE).getValue()).isEqualTo("ar");
    }

    @Test
    void onFirstSignInTheLanguageChosenOnThisDeviceIsRemembered() {
        String subject = UUID.randomUUID().toString();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/keycloak");
        request.setCookies(new Cookie(PageLanguage.COOKIE, "fr"));
        pageLanguage.signedIn(request, new MockHttpServletResponse(), authentication(subject));
        assertThat(remembered.of(subject)).contains(Locale.FRENCH);

        // without a choice on this device nothing is remembered: the browser's language goes on deciding
        String other = UUID.randomUUID().toString();
        pageLanguage.signedIn(new MockHttpServletRequest("GET", "/login/oauth2/code/keycloak"),
                new MockHttpServletResponse(), authentication(other));
        assertThat(remembered.of(other)).isEmpty();
    }

    @Test
    void keycloaksSignInPageIsAskedForInThePagesLanguage() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/keycloak").cookie(new Cookie(PageLanguage.COOKIE, "ar")))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("http://localhost:8180/realms/parley/protocol/openid-connect/auth?")
                .contains("ui_locales=ar", "code_challenge=");
        String fromBrowser = mvc.perform(get("/oauth2/authorization/keycloak").header("Accept-Language", "de"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(fromBrowser).contains("ui_locales=de");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A company responder whose account has this subject. */
    private OidcLoginRequestPostProcessor responder(String subject) {
        return oidcLogin()
                .clientRegistration(registrations.findByRegistrationId("keycloak"))
                .idToken(token -> token.subject(subject).claim("preferred_username", "responder-" + subject)
                        .claim("name", "Test responder").claim("stakeholder_id", "01930000-0000-7000-8000-00000000c001"))
                .authorities(new SimpleGrantedAuthority("ROLE_company-responder"));
    }

    private static OAuth2AuthenticationToken authentication(String subject) {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token").subject(subject)
                .claim("preferred_username", "someone").build();
        OidcUser user = new DefaultOidcUser(java.util.List.of(), token, "preferred_username");
        return new OAuth2AuthenticationToken(user, java.util.List.of(), "keycloak");
    }
}
