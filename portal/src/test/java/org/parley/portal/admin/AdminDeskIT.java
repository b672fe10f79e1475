package org.parley.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.parley.portal.admin.AdminJsonFixtures.MINISTRY;
import static org.parley.portal.admin.AdminJsonFixtures.STREAMLY;
import static org.parley.portal.admin.AdminJsonFixtures.WATCH;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.parley.portal.signin.Viewer;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The administrator desk: stakeholders, their accounts, and the audit chains. */
@PortalTest
class AdminDeskIT extends PortalTest.Base {

    private final JsonMapper json = JsonMapper.builder().build();


    private OidcLoginRequestPostProcessor admin() {
        return signedIn("admin", null, "admin");
    }

    private static String idempotencyKey(String html) {
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"").matcher(html);
        assertThat(key.find()).as("the form carries an idempotency key").isTrue();
        return key.group(1);
    }

    // ---- the desk --------------------------------------------------------------------------

    @Test
    void theDeskIsOnlyForAdminsAndAdminsStartThere() throws Exception {
        mvc.perform(get("/admin").with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Administration</h1>"),
                        containsString("<a href=\"/admin\" aria-current=\"page\">Administration</a>"),
                        containsString("href=\"/admin/stakeholders\""), containsString("href=\"/admin/frameworks\""),
                        containsString("href=\"/admin/standards\""), containsString("href=\"/admin/audit\""))));
        mvc.perform(get("/admin/stakeholders").with(signedIn("responder-1", STREAMLY, "company-responder")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/audit").with(signedIn("liaison-1", MINISTRY, "gov-liaison")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/standards")).andExpect(status().isFound());
        assertThat(new Viewer("admin", "Admin", Set.of(Viewer.ADMIN), null).startPage()).isEqualTo("/admin");
        assertThat(API.calls()).isEmpty();
    }

    @Test
    void theDeskSpeaksFrench() throws Exception {
        mvc.perform(get("/admin").with(admin()).header("Accept-Language", "fr"))
                .andExpect(content().string(allOf(containsString("<h1>Administration</h1>"),
                        containsString("Publier un cadre"), containsString("Enregistrer une partie prenante"))));
    }

    // ---- stakeholders ----------------------------------------------------------------------

    @Test
    void listShowsEveryStatusWithTheFiltersPassedOn() throws Exception {
        API.on("GET", "/api/v1/stakeholders", 200, AdminJsonFixtures.page("tok-2",
                AdminJsonFixtures.streamly("SUSPENDED"),
                AdminJsonFixtures.stakeholder(WATCH, "CIVIL_SOCIETY", "Speech Watch", "FR", "\"FR\"", "ACTIVE")));
        mvc.perform(get("/admin/stakeholders").with(admin()).header("Accept-Language", "en")
                        .param("kind", "COMPANY").param("status", "SUSPENDED"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Stakeholders</h1>"),
                        containsString("href=\"/admin/stakeholders/" + STREAMLY + "\">Streamly</a>"),
                        containsString("Internet company"), containsString("IE, DE"),
                        containsString("Suspended</span>"), containsString("Speech Watch"),
                        containsString("Civil society organisation"),
                        containsString("<option value=\"COMPANY\" selected>"),
                        containsString("<option value=\"SUSPENDED\" selected>"),
                        containsString("id=\"next-page\""), containsString("pageToken=tok-2"))));
        StubApi.Call call = API.calls("GET", "/api/v1/stakeholders").getFirst();
        assertThat(call.header("Authorization")).isEqualTo("Bearer access-token");
        assertThat(call.query()).contains("kind=COMPANY", "status=SUSPENDED");
    }

    @Test
    void listIgnoresFilterValuesTheApiDoesNotKnowAndSaysWhenTheRegistryIsDown() throws Exception {
        API.on("GET", "/api/v1/stakeholders", 503, "{}");
        mvc.perform(get("/admin/stakeholders").with(admin()).header("Accept-Language", "en").param("kind", "x'y"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Stakeholders</h1>"),
                        containsString("The registry of participants and standards cannot be reached"))));
        assertThat(API.calls("GET", "/api/v1/stakeholders").getFirst().query()).doesNotContain("kind=");
    }

    @Test
    void registeringSendsEveryFieldWithTheFormsKeyAndOpensTheNewStakeholder() throws Exception {
        String html = mvc.perform(get("/admin/stakeholders/new").with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>Register a stakeholder</h1>", "<label for=\"f-kind\">", "<label for=\"f-name\">",
                "<label for=\"f-country\">", "<label for=\"f-jurisdictions\">", "<option value=\"STATE\">Government authority</option>",
                "<option value=\"INTERNATIONAL_ORGANISATION\">International organisation</option>");
        String key = idempotencyKey(html);
        assertThat(key).matches("[0-9a-f-]{36}");
        API.on("POST", "/api/v1/stakeholders", new StubApi.Answer(201, "application/json",
                AdminJsonFixtures.stakeholder(MINISTRY, "STATE", "Ministry of Interior", "RU", "\"RU\"", "ACTIVE"),
                Map.of("Location", "/api/v1/stakeholders/" + MINISTRY)));
        mvc.perform(post("/admin/stakeholders").with(admin()).with(csrf()).param("idempotencyKey", key)
                        .param("kind", "STATE").param("name", " Ministry of Interior ").param("country", "RU")
                        .param("jurisdictions", "ru, by"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/stakeholders/" + MINISTRY));
        StubApi.Call call = API.calls("POST", "/api/v1/stakeholders").getFirst();
        assertThat(call.header("Idempotency-Key")).isEqualTo(key);
        JsonNode sent = json.readTree(call.body());
        assertThat(sent.path("name").asString()).isEqualTo("Ministry of Interior");
        assertThat(sent.path("kind").asString()).isEqualTo("STATE");
        assertThat(sent.path("country").asString()).isEqualTo("RU");
        assertThat(sent.path("jurisdictions").toString()).isEqualTo("[\"RU\",\"BY\"]");
    }

    @Test
    void aRefusedRegistrationIsDrawnAgainWithTheErrorsBesideTheFields() throws Exception {
        API.on("POST", "/api/v1/stakeholders", 422, """
                {"title":"Unprocessable Content","status":422,"detail":"The stakeholder has invalid fields",
                 "errors":[{"field":"country","message":"must be an ISO 3166-1 alpha-2 code"},
                           {"field":"jurisdictions[1]","message":"must be an ISO 3166-1 alpha-2 code"}]}""");
        mvc.perform(post("/admin/stakeholders").with(admin()).with(csrf()).header("Accept-Language", "en")
                        .param("idempotencyKey", "key-reg-1").param("kind", "COMPANY").param("name", "Streamly")
                        .param("country", "Ireland").param("jurisdictions", "IE, Germany"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("role=\"alert\""),
                        containsString("value=\"Ireland\""), containsString("value=\"IE, Germany\""),
                        containsString("value=\"key-reg-1\""),
                        containsString("<option value=\"COMPANY\" selected>"),
                        containsString("id=\"f-country-error\">must be an ISO 3166-1 alpha-2 code"),
                        containsString("id=\"f-jurisdictions-error\">must be an ISO 3166-1 alpha-2 code"),
                        containsString("href=\"#f-jurisdictions\""))));
    }

    @Test
    void aStakeholderShowsItsFactsItsEditFormItsAccountsAndTheFormForANewOne() throws Exception {
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY, 200, AdminJsonFixtures.streamly("ACTIVE"));
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY + "/members", 200,
                AdminJsonFixtures.page(null, AdminJsonFixtures.member("rita")));
        String html = mvc.perform(get("/admin/stakeholders/" + STREAMLY).with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>Streamly</h1>", "Internet company", "id=\"f-name\" name=\"name\" type=\"text\" value=\"Streamly\"",
                "value=\"IE, DE\"", "href=\"/admin/stakeholders/" + STREAMLY + "/status?to=SUSPENDED\"",
                "<th scope=\"row\">rita</th>", "rita@streamly.example", "Company responder", "Can sign in",
                "New account: Company responder", "action=\"/admin/stakeholders/" + STREAMLY + "/members\"",
                "<label for=\"f-email\">", "<label for=\"f-firstName\">", "<label for=\"f-lastName\">",
                "The person signs in with this address.");
        assertThat(html).as("the address is the username: nothing else to type").doesNotContain("f-username");
        assertThat(idempotencyKey(html)).matches("[0-9a-f-]{36}");
        assertThat(API.calls("GET", "/api/v1/stakeholders/" + STREAMLY + "/members").getFirst().header("Authorization"))
                .isEqualTo("Bearer access-token");
    }

    @Test
    void aStakeholderWithoutMembersHasNoAccountsSectionAndAnUnknownOneIsNotFound() throws Exception {
        API.on("GET", "/api/v1/stakeholders/" + WATCH, 200,
                AdminJsonFixtures.stakeholder(WATCH, "CIVIL_SOCIETY", "Speech Watch", "FR", "\"FR\"", "ACTIVE"));
        mvc.perform(get("/admin/stakeholders/" + WATCH).with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Speech Watch</h1>"),
                        not(containsString("members-title")), not(containsString("/members\"")))));
        mvc.perform(get("/admin/stakeholders/0190a0c0-0000-7000-8000-000000000999").with(admin()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/stakeholders/not.an.id").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/stakeholders/" + WATCH + "/status").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void editingPatchesNameAndJurisdictionsAndARefusalStandsBesideTheField() throws Exception {
        API.on("PATCH", "/api/v1/stakeholders/" + STREAMLY, 200, AdminJsonFixtures.streamly("ACTIVE"));
        mvc.perform(post("/admin/stakeholders/" + STREAMLY).with(admin()).with(csrf())
                        .param("name", "Streamly Ltd").param("jurisdictions", "ie de at"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/stakeholders/" + STREAMLY));
        JsonNode sent = json.readTree(API.calls("PATCH", "/api/v1/stakeholders/" + STREAMLY).getFirst().body());
        assertThat(sent.path("name").asString()).isEqualTo("Streamly Ltd");
        assertThat(sent.path("jurisdictions").toString()).isEqualTo("[\"IE\",\"DE\",\"AT\"]");
        assertThat(sent.has("status")).isFalse();

        API.reset();
        API.on("PATCH", "/api/v1/stakeholders/" + STREAMLY, 422, """
                {"title":"Unprocessable Content","status":422,"errors":[{"field":"name","message":"must not be blank"}]}""");
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY, 200, AdminJsonFixtures.streamly("ACTIVE"));
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY + "/members", 200, AdminJsonFixtures.page(null));
        mvc.perform(post("/admin/stakeholders/" + STREAMLY).with(admin()).with(csrf()).header("Accept-Language", "en")
                        .param("name", "").param("jurisdictions", "IE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"f-name-error\">must not be blank"),
                        containsString("aria-invalid=\"true\""), containsString("value=\"IE\""))));
    }

    @Test
    void suspendingAsksFirstThenPatchesTheStatus() throws Exception {
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY, 200, AdminJsonFixtures.streamly("ACTIVE"));
        mvc.perform(get("/admin/stakeholders/" + STREAMLY + "/status").param("to", "SUSPENDED").with(admin())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Suspend Streamly?</h1>"),
                        containsString("can send no request and receive none"),
                        containsString("<input type=\"hidden\" name=\"to\" value=\"SUSPENDED\">"),
                        containsString(">Yes, suspend</button>"), containsString(">Cancel</a>"))));
        assertThat(API.calls("PATCH", "/api/v1/stakeholders/" + STREAMLY)).isEmpty();

        API.on("PATCH", "/api/v1/stakeholders/" + STREAMLY, 200, AdminJsonFixtures.streamly("SUSPENDED"));
        MvcResult done = mvc.perform(post("/admin/stakeholders/" + STREAMLY + "/status").with(admin()).with(csrf())
                        .param("to", "SUSPENDED"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/stakeholders/" + STREAMLY))
                .andReturn();
        assertThat(API.calls("PATCH", "/api/v1/stakeholders/" + STREAMLY).getFirst().body())
                .isEqualTo("{\"status\":\"SUSPENDED\"}");

        API.on("GET", "/api/v1/stakeholders/" + STREAMLY, 200, AdminJsonFixtures.streamly("SUSPENDED"));
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY + "/members", 200, AdminJsonFixtures.page(null));
        mvc.perform(get("/admin/stakeholders/" + STREAMLY).with(admin()).header("Accept-Language", "en")
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, done.getFlashMap()))
                .andExpect(content().string(allOf(containsString("The stakeholder is suspended."),
                        containsString("href=\"/admin/stakeholders/" + STREAMLY + "/status?to=ACTIVE\""),
                        containsString("id=\"provision-suspended\""), not(containsString("/members\" novalidate")))));
        mvc.perform(post("/admin/stakeholders/" + STREAMLY + "/status").with(admin()).with(csrf()).param("to", "DELETED"))
                .andExpect(status().isNotFound());
    }

    // ---- accounts ----------------------------------------------------------------------------

    @Test
    void theTemporaryPasswordIsShownOnceAfterProvisioningAndNotOnReload() throws Exception {
        API.on("POST", "/api/v1/stakeholders/" + STREAMLY + "/members", new StubApi.Answer(201, "application/json",
                AdminJsonFixtures.provisioned("Tq7-kP2x-9wLm"), Map.of("Cache-Control", "no-store")));
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY, 200, AdminJsonFixtures.streamly("ACTIVE"));
        MvcResult created = mvc.perform(post("/admin/stakeholders/" + STREAMLY + "/members").with(admin()).with(csrf())
                        .param("idempotencyKey", "key-member-1").param("email", "nina@streamly.example")
                        .param("firstName", "Nina").param("lastName", "Neu"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/stakeholders/" + STREAMLY + "/members/new"))
                .andReturn();
        // never in the URL
        assertThat(created.getResponse().getRedirectedUrl()).doesNotContain("Tq7");
        StubApi.Call call = API.calls("POST", "/api/v1/stakeholders/" + STREAMLY + "/members").getFirst();
        assertThat(call.header("Idempotency-Key")).isEqualTo("key-member-1");
        JsonNode sent = json.readTree(call.body());
        assertThat(sent.path("email").asString()).isEqualTo("nina@streamly.example");
        assertThat(sent.path("firstName").asString()).isEqualTo("Nina");
        assertThat(sent.path("lastName").asString()).isEqualTo("Neu");
        assertThat(sent.has("username")).as("the address is the username").isFalse();

        mvc.perform(get("/admin/stakeholders/" + STREAMLY + "/members/new").with(admin()).header("Accept-Language", "en")
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, created.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("<h1>New account for Streamly</h1>"),
                        containsString("<span class=\"code-once\" id=\"temporary-password\">Tq7-kP2x-9wLm</span>"),
                        containsString("<span class=\"code-once\" id=\"account-username\">nina@streamly.example</span>"),
                        containsString("Company responder"),
                        containsString("must choose a new password"), containsString("shown this once"),
                        containsString("data-print"))));
        // a reload has no flash: the password is gone
        mvc.perform(get("/admin/stakeholders/" + STREAMLY + "/members/new").with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"password-gone\""),
                        not(containsString("Tq7-kP2x-9wLm")), not(containsString("temporary-password")))));
    }

    @Test
    void anAccountWhosePasswordComesByEmailSaysSo() throws Exception {
        API.on("POST", "/api/v1/stakeholders/" + STREAMLY + "/members", 201, AdminJsonFixtures.provisioned(null));
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY, 200, AdminJsonFixtures.streamly("ACTIVE"));
        MvcResult created = mvc.perform(post("/admin/stakeholders/" + STREAMLY + "/members").with(admin()).with(csrf())
                        .param("idempotencyKey", "key-member-2").param("email", "nina@streamly.example")
                        .param("firstName", "Nina").param("lastName", "Neu"))
                .andExpect(status().isFound()).andReturn();
        mvc.perform(get("/admin/stakeholders/" + STREAMLY + "/members/new").with(admin()).header("Accept-Language", "en")
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, created.getFlashMap()))
                .andExpect(content().string(allOf(containsString("id=\"password-by-email\""),
                        containsString("nina@streamly.example"), not(containsString("temporary-password")))));
    }

    @Test
    void aRefusedAccountIsDrawnAgainWithTheErrorBesideTheFieldAndTheSameKey() throws Exception {
        API.on("POST", "/api/v1/stakeholders/" + STREAMLY + "/members", 422, """
                {"title":"Unprocessable Content","status":422,"detail":"The member has invalid fields",
                 "errors":[{"field":"email","message":"must be an e-mail address"}]}""");
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY, 200, AdminJsonFixtures.streamly("ACTIVE"));
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY + "/members", 200, AdminJsonFixtures.page(null));
        mvc.perform(post("/admin/stakeholders/" + STREAMLY + "/members").with(admin()).with(csrf())
                        .header("Accept-Language", "en").param("idempotencyKey", "key-member-3")
                        .param("email", "nina-at-streamly").param("firstName", "Nina").param("lastName", "Neu"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("role=\"alert\""),
                        containsString("id=\"f-email-error\">must be an e-mail address"),
                        containsString("value=\"nina-at-streamly\""), containsString("value=\"key-member-3\""),
                        containsString("Nobody has an account for this stakeholder yet."))));

        API.on("POST", "/api/v1/stakeholders/" + STREAMLY + "/members", 409, """
                {"title":"Conflict","status":409,"detail":"An account with this username or e-mail already exists"}""");
        mvc.perform(post("/admin/stakeholders/" + STREAMLY + "/members").with(admin()).with(csrf())
                        .header("Accept-Language", "en").param("idempotencyKey", "key-member-4")
                        .param("email", "rita@streamly.example").param("firstName", "Rita").param("lastName", "R"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("role=\"alert\""),
                        containsString("An account with this username or e-mail already exists"))));
    }

    // ---- audit chains ------------------------------------------------------------------------

    @Test
    void auditShowsEachChainWithTheFirstBrokenPositionAndOneServiceDownOnlyForItself() throws Exception {
        API.on("GET", "/api/v1/admin/audit/stakeholder/verification", 200, AdminJsonFixtures.verification(true, 1200, null));
        API.on("GET", "/api/v1/admin/audit/request/verification", 200, AdminJsonFixtures.verification(false, 530, 42L));
        API.on("GET", "/api/v1/admin/audit/appeal/verification", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        String html = mvc.perform(get("/admin/audit").with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>Audit chains</h1>", "id=\"audit-broken\"", "role=\"alert\"");
        assertThat(row(html, "stakeholder")).contains("Registry and standards", "Intact", "1,200").doesNotContain("Unavailable");
        assertThat(row(html, "request")).contains("Government requests", "Broken", "record 42", "530")
                .doesNotContain("Unavailable");
        assertThat(row(html, "appeal")).contains("Notices and appeals", "Unavailable").doesNotContain("Intact", "Broken");
        for (String service : new String[] {"stakeholder", "request", "appeal"}) {
            assertThat(API.calls("GET", "/api/v1/admin/audit/" + service + "/verification")).singleElement()
                    .satisfies(call -> assertThat(call.header("Authorization")).isEqualTo("Bearer access-token"));
        }
    }

    @Test
    void auditOfThreeIntactChainsRaisesNoAlarm() throws Exception {
        for (String service : new String[] {"stakeholder", "request", "appeal"}) {
            API.on("GET", "/api/v1/admin/audit/" + service + "/verification", 200, AdminJsonFixtures.verification(true, 7, null));
        }
        mvc.perform(get("/admin/audit").with(admin()).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Intacte"), not(containsString("audit-broken")),
                        not(containsString("Indisponible")))));
    }

    private static String row(String html, String service) {
        int start = html.indexOf("<tr id=\"chain-" + service + "\">");
        assertThat(start).as("the row of " + service).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
