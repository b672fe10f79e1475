package org.parley.portal.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.portal.notices.Fixtures.STREAMLY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PortalTest
class WebhooksPagesIT extends PortalTest.Base {

    static final String LIST = "/api/v1/stakeholders/" + STREAMLY + "/webhooks";
    static final String WID = "01930000-0000-7000-8000-0000000000e1";
    static final String ONE = "/api/v1/webhooks/" + WID;
    static final String DID = "01930000-0000-7000-8000-0000000000d1";

    static final String ENDPOINT = """
            {"id":"%s","companyId":"%s","url":"https://hooks.streamly.example/parley",
             "events":["request.received","request.overdue"],"description":"Trust and safety pager",
             "enabled":true,"disabledReason":null,"createdAt":"2026-11-20T08:00:00Z"}""".formatted(WID, STREAMLY);
    static final String DISABLED = """
            {"id":"01930000-0000-7000-8000-0000000000e2","companyId":"%s","url":"https://old.streamly.example/hook",
             "events":["appeal.created"],"description":null,"enabled":false,
             "disabledReason":"Answered 410 Gone","createdAt":"2026-11-01T08:00:00Z"}""".formatted(STREAMLY);
    static final String DELIVERIES = """
            {"items":[{"id":"%s","eventId":"request-event-42","eventType":"request.received",
              "occurredAt":"2026-11-21T09:00:00Z","status":"PENDING","attemptCount":2,
              "nextAttemptAt":"2026-11-21T09:05:00Z","lastStatusCode":503,"lastError":"Service Unavailable",
              "deliveredAt":null,"attempts":[
                {"at":"2026-11-21T09:00:01Z","statusCode":503,"latencyMs":87,"error":"Service Unavailable"},
                {"at":"2026-11-21T09:01:01Z","statusCode":null,"latencyMs":null,"error":"connect timed out"}]}],
             "nextPageToken":"b2xkZXI"}""".formatted(DID);

    @Autowired
    JsonMapper json;

    private RequestPostProcessor responder() {
        return signedIn("responder-streamly-1", STREAMLY, "company-responder");
    }

    @Test
    void theDeskLinksToOurSystemsWhichListsEachEndpointWithItsStatus() throws Exception {
        API.on("GET", LIST, 200, "{\"items\":[" + ENDPOINT + "," + DISABLED + "]}");
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY, 200, Fixtures.stakeholder(Fixtures.CONTACT_POINT, ""));
        String profile = page(get("/company/profile"));
        assertThat(profile).contains("href=\"/company/webhooks\"", ">Our systems</a>");

        String page = page(get("/company/webhooks"));
        assertThat(page).contains("<h1>Our systems</h1>", "https://hooks.streamly.example/parley",
                "href=\"/company/webhooks/" + WID + "\"", "A request reached us", "A request is overdue", "Enabled",
                "https://old.streamly.example/hook", "Disabled", "Reason: Answered 410 Gone", "Trust and safety pager");
        assertThat(page).contains("id=\"register-form\"", "name=\"_csrf\"", "id=\"f-url\"", "type=\"url\"",
                "name=\"idempotencyKey\"", "<legend>Events</legend>");
        for (String type : WebhookJson.EVENT_TYPES) {
            assertThat(page).contains("type=\"checkbox\" id=\"event-" + type.replace('.', '-') + "\" name=\"events\" value=\"" + type + "\"");
        }
        assertThat(API.calls("GET", LIST).getFirst().header("Authorization")).isEqualTo("Bearer access-token");
    }

    @Test
    void registeringPostsTheEndpointAndShowsItsSecretOnceWithANoteToStoreIt() throws Exception {
        API.on("POST", LIST, 201, ENDPOINT.replace("}", ",\"secret\":\"whsec_c2VjcmV0LXNoLW93bi1vbmNlLW9ubHk=\"}"));
        API.on("GET", ONE, 200, ENDPOINT);
        API.on("GET", ONE + "/deliveries", 200, "{\"items\":[]}");
        MvcResult created = mvc.perform(post("/company/webhooks").with(responder()).with(csrf()).header("Accept-Language", "en")
                        .param("idempotencyKey", "5d1c1d7e-5b43-4a4e-8a5e-1f0f6a0c9b11")
                        .param("url", "https://hooks.streamly.example/parley")
                        .param("events", "request.received").param("events", "request.overdue")
                        .param("description", "Trust and safety pager"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();
        assertThat(created.getRequest().getSession(false) == null
                || created.getRequest().getSession(false).getAttribute("secret") == null)
                .as("the secret is kept in no session").isTrue();
        assertThat(created.getFlashMap().isEmpty()).isTrue();
        assertThat(created.getResponse().getContentAsString()).contains("whsec_c2VjcmV0LXNoLW93bi1vbmNlLW9ubHk=",
                "it is shown only this once", "The endpoint’s signing secret", "Nothing delivered to this endpoint yet.");
        StubApi.Call call = API.calls("POST", LIST).getFirst();
        assertThat(call.header("Idempotency-Key")).isEqualTo("5d1c1d7e-5b43-4a4e-8a5e-1f0f6a0c9b11");
        JsonNode body = json.readTree(call.body());
        assertThat(body.path("url").asString()).isEqualTo("https://hooks.streamly.example/parley");
        assertThat(body.path("events").toString()).isEqualTo("[\"request.received\",\"request.overdue\"]");
        assertThat(body.path("description").asString()).isEqualTo("Trust and safety pager");

        assertThat(page(get("/company/webhooks/" + WID))).as("never again")
                .doesNotContain("whsec_").contains("Rotate the secret");
    }

    @Test
    void aRefusedRegistrationKeepsWhatWasTypedWithEachMessageBesideItsField() throws Exception {
        API.on("GET", LIST, 200, "{\"items\":[]}");
        API.on("POST", LIST, 422, Fixtures.problem(422, "The endpoint has broken fields",
                "url", "must be an https address", "events[0]", "must be a known event type"));
        String page = mvc.perform(post("/company/webhooks").with(responder()).with(csrf()).header("Accept-Language", "en")
                        .param("idempotencyKey", "k").param("url", "http://insecure.example/hook")
                        .param("events", "request.received"))
                .andExpect(status().is(422))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"http://insecure.example/hook\"", "id=\"f-url-error\"", "must be an https address",
                "aria-invalid=\"true\"", "id=\"f-events-error\"", "must be a known event type",
                "id=\"event-request-received\" name=\"events\" value=\"request.received\" checked",
                "No endpoint yet");
    }

    @Test
    void rotatingShowsTheNewSecretOnceAndUntilWhenTheOldOneSigns() throws Exception {
        API.on("POST", ONE + "/secret-rotation", 200,
                "{\"secret\":\"whsec_bmV3LXNlY3JldC1hZnRlci1yb3RhdGlvbg==\",\"previousSecretExpiresAt\":\"2026-11-22T08:00:00Z\"}");
        API.on("GET", ONE, 200, ENDPOINT);
        API.on("GET", ONE + "/deliveries", 200, "{\"items\":[]}");
        String page = mvc.perform(post("/company/webhooks/" + WID + "/secret-rotation").with(responder()).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        assertThat(API.calls("POST", ONE + "/secret-rotation")).hasSize(1);
        assertThat(page).contains("The endpoint’s new signing secret", "whsec_bmV3LXNlY3JldC1hZnRlci1yb3RhdGlvbg==",
                "id=\"previous-secret\"", "datetime=\"2026-11-22T08:00:00Z\"");
    }

    @Test
    void disablingAndEnablingPatchTheEndpoint() throws Exception {
        API.on("PATCH", ONE, 200, ENDPOINT.replace("\"enabled\":true", "\"enabled\":false"));
        mvc.perform(post("/company/webhooks/" + WID + "/enabled").with(responder()).with(csrf()).param("enabled", "false"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/company/webhooks/" + WID))
                .andExpect(flash().attribute("done", "disabled"));
        mvc.perform(post("/company/webhooks/" + WID + "/enabled").with(responder()).with(csrf()).param("enabled", "true"))
                .andExpect(flash().attribute("done", "enabled"));
        assertThat(API.calls("PATCH", ONE)).extracting(StubApi.Call::body)
                .containsExactly("{\"enabled\":false}", "{\"enabled\":true}");
    }

    @Test
    void deletingAsksFirstThenDeletes() throws Exception {
        API.on("GET", ONE, 200, ENDPOINT);
        String confirm = page(get("/company/webhooks/" + WID + "/deletion"));
        assertThat(confirm).contains("Delete the endpoint?", "https://hooks.streamly.example/parley", "cannot be undone",
                "action=\"/company/webhooks/" + WID + "/deletion\"", "name=\"_csrf\"", "Keep it");
        assertThat(API.calls("DELETE", ONE)).as("nothing deleted by looking").isEmpty();

        API.on("DELETE", ONE, 204, "");
        mvc.perform(post("/company/webhooks/" + WID + "/deletion").with(responder()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/company/webhooks"))
                .andExpect(flash().attribute("done", "deleted"));
        assertThat(API.calls("DELETE", ONE)).hasSize(1);
    }

    @Test
    void theDeliveryLogShowsEveryAttemptAndDeliversAgainOnRequest() throws Exception {
        API.on("GET", ONE, 200, ENDPOINT);
        API.on("GET", ONE + "/deliveries", 200, DELIVERIES);
        String page = page(get("/company/webhooks/" + WID));
        assertThat(page).contains("Delivery log", "request-event-42", "Waiting", "Attempts: 2", "answered 503", "87 ms",
                "Service Unavailable", "no answer", "connect timed out", "datetime=\"2026-11-21T09:05:00Z\"",
                "action=\"/company/webhooks/" + WID + "/deliveries/" + DID + "/redelivery\"", "Deliver again",
                "href=\"/company/webhooks/" + WID + "?pageToken=b2xkZXI\"");
        assertThat(API.calls("GET", ONE + "/deliveries").getFirst().query()).isEqualTo("pageSize=50");

        API.on("POST", ONE + "/deliveries/" + DID + "/redelivery", 202, "");
        mvc.perform(post("/company/webhooks/" + WID + "/deliveries/" + DID + "/redelivery").with(responder()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/company/webhooks/" + WID))
                .andExpect(flash().attribute("done", "redelivered"));
        assertThat(API.calls("POST", ONE + "/deliveries/" + DID + "/redelivery")).hasSize(1);
    }

    @Test
    void anotherCompanysEndpointIsNotFound() throws Exception {
        API.on("GET", ONE, 404, "{\"title\":\"Not Found\",\"status\":404}");
        API.on("GET", ONE + "/deliveries", 404, "{\"title\":\"Not Found\",\"status\":404}");
        mvc.perform(get("/company/webhooks/" + WID).with(responder())).andExpect(status().isNotFound());
        API.on("DELETE", ONE, 404, "{\"title\":\"Not Found\",\"status\":404}");
        mvc.perform(post("/company/webhooks/" + WID + "/deletion").with(responder()).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void everyFormNeedsItsCsrfTokenAndOnlyResponderSeeThePage() throws Exception {
        mvc.perform(post("/company/webhooks/" + WID + "/deletion").with(responder())).andExpect(status().isForbidden());
        mvc.perform(post("/company/webhooks").with(responder()).param("url", "https://x.example"))
                .andExpect(status().isForbidden());
        assertThat(API.calls()).isEmpty();
        mvc.perform(get("/company/webhooks").with(signedIn("liaison-1", STREAMLY, "gov-liaison")))
                .andExpect(status().is(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(403))
                        .or(org.hamcrest.Matchers.is(404))));
    }

    @Test
    void theSettingsFormShowsTheEndpointAsItIsAndPatchesWhatWasTyped() throws Exception {
        API.on("GET", ONE, 200, ENDPOINT);
        API.on("GET", ONE + "/deliveries", 200, "{\"items\":[]}");
        assertThat(page(get("/company/webhooks/" + WID))).contains("href=\"/company/webhooks/" + WID + "/settings\"");

        String form = page(get("/company/webhooks/" + WID + "/settings"));
        assertThat(form).contains("<h1>Change the endpoint</h1>", "id=\"edit-form\"", "name=\"_csrf\"",
                "value=\"https://hooks.streamly.example/parley\"", "value=\"Trust and safety pager\"",
                "id=\"event-request-received\" name=\"events\" value=\"request.received\" checked",
                "id=\"event-request-overdue\" name=\"events\" value=\"request.overdue\" checked");
        assertThat(form).doesNotContain("id=\"event-appeal-created\" name=\"events\" value=\"appeal.created\" checked");

        API.on("PATCH", ONE, 200, ENDPOINT);
        mvc.perform(post("/company/webhooks/" + WID + "/settings").with(responder()).with(csrf())
                        .param("url", "https://pager.streamly.example/parley").param("events", "request.received")
                        .param("events", "appeal.escalated").param("description", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/company/webhooks/" + WID))
                .andExpect(flash().attribute("done", "changed"));
        JsonNode body = json.readTree(API.calls("PATCH", ONE).getFirst().body());
        assertThat(body.path("url").asString()).isEqualTo("https://pager.streamly.example/parley");
        assertThat(body.path("events").toString()).isEqualTo("[\"request.received\",\"appeal.escalated\"]");
        assertThat(body.path("description").asString()).as("an emptied description is cleared").isEmpty();
        assertThat(body.has("enabled")).as("the form leaves enabling alone").isFalse();
    }

    @Test
    void aRefusedChangeKeepsWhatWasTypedWithTheMessageBesideItsField() throws Exception {
        API.on("GET", ONE, 200, ENDPOINT);
        API.on("PATCH", ONE, 422, Fixtures.problem(422, "The endpoint has broken fields", "url", "must be an https address"));
        String page = mvc.perform(post("/company/webhooks/" + WID + "/settings").with(responder()).with(csrf())
                        .header("Accept-Language", "en").param("url", "http://10.0.0.8/hook").param("events", "request.withdrawn"))
                .andExpect(status().is(422))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"http://10.0.0.8/hook\"", "id=\"f-url-error\"", "must be an https address",
                "id=\"event-request-withdrawn\" name=\"events\" value=\"request.withdrawn\" checked");

        API.on("PATCH", ONE, 404, Fixtures.problem(404, "No such webhook"));
        mvc.perform(post("/company/webhooks/" + WID + "/settings").with(responder()).with(csrf())
                        .param("url", "https://x.example/").param("events", "request.received"))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePageSpeaksFrenchGermanAndArabic() throws Exception {
        API.on("GET", LIST, 200, "{\"items\":[" + ENDPOINT + "]}");
        assertThat(page(get("/company/webhooks"), "fr")).contains("Nos systèmes", "Une demande nous est parvenue");
        assertThat(page(get("/company/webhooks"), "de")).contains("Unsere Systeme", "Einen Endpunkt eintragen");
        assertThat(page(get("/company/webhooks"), "ar")).contains("أنظمتنا", "dir=\"rtl\"");
    }

    @Test
    void theListSaysSoWhenTheRegistryCannotBeReached() throws Exception {
        API.on("GET", LIST, 503, "{}");
        assertThat(page(get("/company/webhooks"))).contains("<h1>Our systems</h1>",
                "The registry of participants and standards cannot be reached", "id=\"register-form\"");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return page(request, "en");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String language)
            throws Exception {
        return mvc.perform(request.with(responder()).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
