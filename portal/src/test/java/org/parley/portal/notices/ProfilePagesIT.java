package org.parley.portal.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.parley.portal.notices.Fixtures.STREAMLY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PortalTest
class ProfilePagesIT extends PortalTest.Base {

    static final String PATH = "/api/v1/stakeholders/" + STREAMLY;

    @Autowired
    JsonMapper json;


    private RequestPostProcessor responder() {
        return signedIn("responder-streamly-1", STREAMLY, "company-responder");
    }

    @Test
    void profileShowsTheContactPointInItsFormAndTheSpheres() throws Exception {
        API.on("GET", PATH, 200, Fixtures.stakeholder(Fixtures.CONTACT_POINT, Fixtures.SPHERE));
        String page = mvc.perform(get("/company/profile").with(responder()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Our contact point</h1>", "Streamly Video",
                "id=\"f-email\"", "value=\"orders@streamly.example\"", "value=\"en, de\"", "value=\"24/7\"",
                "value=\"legal@streamly.example\"", ">Save the contact point</button>",
                "Content moderation", "Video uploads in the EU", "id=\"f-area\"", "id=\"f-scope\"",
                "name=\"idempotencyKey\"");
    }

    @Test
    void aCompanyWithoutAContactPointIsToldWhatThatMeans() throws Exception {
        API.on("GET", PATH, 200, Fixtures.stakeholder("null", ""));
        mvc.perform(get("/company/profile").with(responder()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No contact point yet")))
                .andExpect(content().string(containsString("No sphere of control listed yet")));
    }

    @Test
    void savingTheContactPointPutsItWithTheLanguagesAsAList() throws Exception {
        API.on("PUT", PATH + "/contact-point", 200, Fixtures.CONTACT_POINT);
        mvc.perform(post("/company/profile/contact-point").with(responder()).with(csrf())
                        .param("email", "orders@streamly.example").param("phone", "").param("languages", "en, DE fr")
                        .param("hours", "24/7").param("escalationContact", "legal@streamly.example"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/company/profile"));
        StubApi.Call call = API.calls("PUT", PATH + "/contact-point").getFirst();
        JsonNode body = json.readTree(call.body());
        assertThat(body.path("languages").toString()).isEqualTo("[\"en\",\"de\",\"fr\"]");
        assertThat(body.path("phone").isNull()).isTrue();
        assertThat(body.path("escalationContact").asString()).isEqualTo("legal@streamly.example");
        assertThat(call.header("Authorization")).isEqualTo("Bearer access-token");
    }

    @Test
    void aRefusedContactPointKeepsWhatWasTypedWithTheMessages() throws Exception {
        API.on("GET", PATH, 200, Fixtures.stakeholder("null", ""));
        API.on("PUT", PATH + "/contact-point", 422, Fixtures.problem(422, "The contact point has broken fields",
                "email", "must be an email address", "languages[0]", "must be an ISO 639-1 language code"));
        mvc.perform(post("/company/profile/contact-point").with(responder()).with(csrf()).header("Accept-Language", "en")
                        .param("email", "orders-at-streamly").param("languages", "english").param("hours", "24/7")
                        .param("escalationContact", "legal@streamly.example"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("value=\"orders-at-streamly\"")))
                .andExpect(content().string(containsString("id=\"f-email-error\"")))
                .andExpect(content().string(containsString("id=\"f-languages-error\"")))
                .andExpect(content().string(containsString("must be an ISO 639-1 language code")));
    }

    @Test
    void addingASpherePostsItWithAnIdempotencyKey() throws Exception {
        API.on("POST", PATH + "/spheres", 201, Fixtures.SPHERE);
        mvc.perform(post("/company/profile/spheres").with(responder()).with(csrf())
                        .param("idempotencyKey", "5d1c1d7e-5b43-4a4e-8a5e-1f0f6a0c9b11")
                        .param("area", "CONTENT_MODERATION").param("scope", "Video uploads in the EU"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/company/profile"));
        StubApi.Call call = API.calls("POST", PATH + "/spheres").getFirst();
        assertThat(call.header("Idempotency-Key")).isEqualTo("5d1c1d7e-5b43-4a4e-8a5e-1f0f6a0c9b11");
        assertThat(json.readTree(call.body()).path("area").asString()).isEqualTo("CONTENT_MODERATION");
    }

    @Test
    void aRefusedSphereIsShownBesideItsForm() throws Exception {
        API.on("GET", PATH, 200, Fixtures.stakeholder(Fixtures.CONTACT_POINT, Fixtures.SPHERE));
        API.on("POST", PATH + "/spheres", 422, Fixtures.problem(422, "Already listed",
                "scope", "this sphere is already listed"));
        mvc.perform(post("/company/profile/spheres").with(responder()).with(csrf()).header("Accept-Language", "en")
                        .param("idempotencyKey", "k").param("area", "CONTENT_MODERATION").param("scope", "Video uploads in the EU"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"f-scope-error\"")))
                .andExpect(content().string(containsString("<option value=\"CONTENT_MODERATION\" selected>")));
    }

    @Test
    void theProfileSaysSoWhenTheRegistryCannotBeReached() throws Exception {
        API.on("GET", PATH, 503, "{}");
        mvc.perform(get("/company/profile").with(responder()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The registry of participants and standards cannot be reached")))
                .andExpect(content().string(containsString("<h1>Our contact point</h1>")));
    }

    @Test
    void aResponderWithoutACompanyHasNoProfile() throws Exception {
        mvc.perform(get("/company/profile").with(signedIn("responder-lost", null, "company-responder")))
                .andExpect(status().isNotFound());
    }
}
