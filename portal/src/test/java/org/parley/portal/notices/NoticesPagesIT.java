package org.parley.portal.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.parley.portal.notices.Fixtures.STREAMLY;
import static org.parley.portal.notices.Fixtures.listing;
import static org.parley.portal.notices.Fixtures.notice;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PortalTest
class NoticesPagesIT extends PortalTest.Base {

    static final String N1 = "01930000-0000-7000-8000-0000000a0001";
    static final String N2 = "01930000-0000-7000-8000-0000000a0002";
    static final String A1 = "01930000-0000-7000-8000-0000000b0001";

    @Autowired
    JsonMapper json;


    private org.springframework.test.web.servlet.request.RequestPostProcessor responder() {
        return signedIn("responder-streamly-1", STREAMLY, "company-responder");
    }

    @Test
    void listShowsTheNewestFirstWithTheirAppealAndOrder() throws Exception {
        API.on("GET", "/api/v1/notices", 200, listing(
                notice(N1, "N-OLDR-0001", "TERRORIST_CONTENT", false, "2026-11-20T10:05:00Z", null, "null"),
                notice(N2, "N-NEWR-0002", "INCITEMENT_TO_VIOLENCE", true, "2026-11-25T10:05:00Z", A1,
                        "{\"confidential\":true,\"until\":\"2027-01-31T00:00:00Z\"}")));
        API.on("GET", "/api/v1/appeals", 200, listing(Fixtures.appeal(A1, N2, "N-NEWR-0002", "IN_REVIEW",
                "2026-12-06T09:00:00Z", false, true, "responder-streamly-2", "\"ASSIGN\",\"DECIDE\"")));

        String page = mvc.perform(get("/company/notices").with(responder()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Statements of reasons</h1>")))
                .andExpect(content().string(containsString("href=\"/company/notices/new\"")))
                .andExpect(content().string(containsString("Record a statement of reasons")))
                .andExpect(content().string(containsString("aria-current=\"page\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("N-NEWR-0002")).isLessThan(page.indexOf("N-OLDR-0001"));
        assertThat(page).contains("Incitement to violence", "Removed", "Illegal content", "In review",
                "href=\"/company/appeals/" + A1 + "\"", "No appeal", "Inbox", "Our contact point");
        assertThat(API.calls("GET", "/api/v1/notices").getFirst().header("Authorization")).isEqualTo("Bearer access-token");
    }

    @Test
    void listSaysSoWhenTheNoticesCannotBeReached() throws Exception {
        API.on("GET", "/api/v1/notices", 503, "{}");
        API.on("GET", "/api/v1/appeals", 503, "{}");
        mvc.perform(get("/company/notices").with(responder()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The notices and appeals cannot be reached right now")))
                .andExpect(content().string(containsString("Record a statement of reasons")));
    }

    @Test
    void formOffersTheGuidanceCategoriesAndTheCompanysOrders() throws Exception {
        API.on("GET", "/api/v1/standards/active", 200, Fixtures.STANDARDS);
        API.on("GET", "/api/v1/requests", 200, listing(
                Fixtures.request("01930000-0000-7000-8000-0000000r0001", "REMOVAL_ORDER", "FULFILLED"),
                Fixtures.request("01930000-0000-7000-8000-0000000r0002", "INFORMATION", "SUBMITTED")));

        String page = mvc.perform(get("/company/notices/new").with(responder()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Record a statement of reasons</h1>", "name=\"idempotencyKey\"",
                "id=\"f-contentRef\"", "id=\"f-accountRef\"", "id=\"f-restriction\"", "id=\"f-territorialScope\"",
                "id=\"f-ground-ILLEGAL_CONTENT\"", "id=\"f-legalReference\"", "id=\"f-termsReference\"",
                "id=\"f-category\"", "id=\"f-facts\"", "id=\"f-automatedDetection-yes\"", "id=\"f-automatedDecision-no\"",
                "id=\"f-decidedAt\"", "type=\"datetime-local\"", "id=\"f-requestId\"", "id=\"f-language\"",
                "<option value=\"INCITEMENT_TO_VIOLENCE\">Incitement to violence</option>", "Satire and art",
                "value=\"01930000-0000-7000-8000-0000000r0001\"", "Removal order from Bundeskriminalamt",
                ">Record the statement of reasons</button>", "<label for=\"f-facts\">");
        // only removal orders and referrals can be behind a restriction
        assertThat(page).doesNotContain("01930000-0000-7000-8000-0000000r0002");
    }

    @Test
    void formStillWorksWhenTheRequestsCannotBeListed() throws Exception {
        API.on("GET", "/api/v1/standards/active", 200, Fixtures.STANDARDS);
        API.on("GET", "/api/v1/requests", 503, "{}");
        mvc.perform(get("/company/notices/new").with(responder()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The requests cannot be reached right now")))
                .andExpect(content().string(containsString("<input id=\"f-requestId\" name=\"requestId\" type=\"text\"")))
                .andExpect(content().string(containsString("<option value=\"TERRORIST_CONTENT\">")));
    }

    @Test
    void recordingSendsEveryArticle17FieldOnceAndShowsTheCodeOnlyOnce() throws Exception {
        API.on("POST", "/api/v1/notices", new StubApi.Answer(201, "application/json", """
                {"id":"%s","reference":"N-7K3P-QX2M","accessCode":"ABCD-EFGH-JKMN","appealUntil":"2027-05-20T10:00:00Z"}
                """.formatted(N1), java.util.Map.of("Location", "/api/v1/notices/" + N1, "Cache-Control", "no-store")));
        API.on("GET", "/api/v1/notices/" + N1, 200, notice(N1, "N-7K3P-QX2M", "INCITEMENT_TO_VIOLENCE", true,
                "2026-11-20T10:05:00Z", null, "null"));

        var recorded = mvc.perform(post("/company/notices/new").with(responder()).with(csrf())
                        .param("idempotencyKey", "0b7c3c5e-1d1e-4a57-9d55-6a3f4c1e2b10")
                        .param("contentRef", "https://video.example.com/v/123").param("accountRef", "user-8841")
                        .param("restriction", "GEO_BLOCKED").param("territorialScope", "de, fr")
                        .param("ground", "ILLEGAL_CONTENT").param("legalReference", "StGB §130")
                        .param("termsReference", "typed before switching").param("category", "INCITEMENT_TO_VIOLENCE")
                        .param("facts", "The video calls on viewers to attack the named group.")
                        .param("automatedDetection", "yes").param("automatedDecision", "no")
                        .param("decidedAt", "2026-11-20T10:00").param("requestId", "").param("language", "de"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/company/notices/" + N1 + "/issued"))
                .andReturn();
        assertThat(recorded.getResponse().getRedirectedUrl()).doesNotContain("ABCD");
        // the browser's session: the code travels in its flash map to the one page view that follows
        assertThat(recorded.getResponse().getCookies()).hasSize(1);
        jakarta.servlet.http.Cookie session = recorded.getResponse().getCookies()[0];

        StubApi.Call call = API.calls("POST", "/api/v1/notices").getFirst();
        assertThat(call.header("Idempotency-Key")).isEqualTo("0b7c3c5e-1d1e-4a57-9d55-6a3f4c1e2b10");
        // the services refuse chunked bodies
        assertThat(call.header("Transfer-Encoding")).isNull();
        assertThat(call.header("Content-Length")).isEqualTo(Integer.toString(call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        JsonNode body = json.readTree(call.body());
        assertThat(body.path("contentRef").asString()).isEqualTo("https://video.example.com/v/123");
        assertThat(body.path("accountRef").asString()).isEqualTo("user-8841");
        assertThat(body.path("restriction").asString()).isEqualTo("GEO_BLOCKED");
        assertThat(body.path("territorialScope").toString()).isEqualTo("[\"DE\",\"FR\"]");
        assertThat(body.path("ground").asString()).isEqualTo("ILLEGAL_CONTENT");
        assertThat(body.path("legalReference").asString()).isEqualTo("StGB §130");
        assertThat(body.path("termsReference").isNull()).isTrue();
        assertThat(body.path("category").asString()).isEqualTo("INCITEMENT_TO_VIOLENCE");
        assertThat(body.path("automatedDetection").asBoolean()).isTrue();
        assertThat(body.path("automatedDecision").isBoolean()).isTrue();
        assertThat(body.path("automatedDecision").asBoolean()).isFalse();
        assertThat(body.path("decidedAt").asString()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(body.path("requestId").isNull()).isTrue();
        assertThat(body.path("language").asString()).isEqualTo("de");

        mvc.perform(get("/company/notices/" + N1 + "/issued").with(responder()).cookie(session)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("<span class=\"code-once\" id=\"issued-reference\">N-7K3P-QX2M</span>")))
                .andExpect(content().string(containsString("<span class=\"code-once\" id=\"issued-code\">ABCD-EFGH-JKMN</span>")))
                .andExpect(content().string(containsString("sign in to Parley at http://localhost/")))
                .andExpect(content().string(containsString("Print for the user")));
        // reloading: the notice, without the code
        mvc.perform(get("/company/notices/" + N1 + "/issued").with(responder()).cookie(session)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("id=\"issued-reference\">N-7K3P-QX2M")))
                .andExpect(content().string(not(containsString("ABCD-EFGH-JKMN"))))
                .andExpect(content().string(not(containsString("id=\"issued-code\""))))
                .andExpect(content().string(containsString("The access code was shown once")));
    }

    @Test
    void groundOfTermsSendsTheClauseAndNotTheLaw() {
        var body = NoticesController.body(java.util.Map.of("ground", "INCOMPATIBLE_WITH_TERMS",
                "legalReference", "StGB §130", "termsReference", "Guidelines 4.2", "territorialScope", "WORLDWIDE"));
        assertThat(body.get("legalReference")).isNull();
        assertThat(body.get("termsReference")).isEqualTo("Guidelines 4.2");
        assertThat(body.get("territorialScope")).isEqualTo(java.util.List.of("WORLDWIDE"));
        assertThat(body.get("automatedDetection")).isNull();
    }

    @Test
    void refusedRecordingRedrawsTheFormWithTheMessagesBesideTheFields() throws Exception {
        API.on("GET", "/api/v1/standards/active", 200, Fixtures.STANDARDS);
        API.on("GET", "/api/v1/requests", 200, listing());
        API.on("POST", "/api/v1/notices", 422, Fixtures.problem(422, "The notice has broken fields",
                "facts", "must be at least 10 characters", "territorialScope[1]",
                "must be an ISO 3166-1 alpha-2 code such as DE, or WORLDWIDE"));

        String page = mvc.perform(post("/company/notices/new").with(responder()).with(csrf())
                        .header("Accept-Language", "en")
                        .param("idempotencyKey", "k-1").param("contentRef", "https://video.example.com/v/9")
                        .param("territorialScope", "DE, Germany").param("facts", "short"))
                .andExpect(status().is(422))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("role=\"alert\"", "value=\"https://video.example.com/v/9\"", "value=\"DE, Germany\"",
                ">short</textarea>", "id=\"f-facts-error\"", "must be at least 10 characters",
                "id=\"f-territorialScope-error\"", "must be an ISO 3166-1 alpha-2 code",
                "aria-invalid=\"true\"", "href=\"#f-facts\"");
        // a corrected form is a new body: it gets a new key
        assertThat(page).doesNotContain("value=\"k-1\"");
    }

    @Test
    void oneNoticeAsTheCompanySeesIt() throws Exception {
        API.on("GET", "/api/v1/notices/" + N2, 200, notice(N2, "N-NEWR-0002", "INCITEMENT_TO_VIOLENCE", true,
                "2026-11-25T10:05:00Z", A1, """
                {"authority":"Bundeskriminalamt","authorityCountry":"DE","type":"REMOVAL_ORDER",
                 "legalBasis":{"instrument":"Regulation (EU) 2021/784","provision":"Art. 3","jurisdiction":"DE"}}"""));
        API.on("GET", "/api/v1/appeals", 200, listing(Fixtures.appeal(A1, N2, "N-NEWR-0002", "FILED",
                "2026-12-06T09:00:00Z", false, true, null, "\"ASSIGN\"")));
        mvc.perform(get("/company/notices/" + N2).with(responder()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Statement of reasons N-NEWR-0002</h1>")))
                .andExpect(content().string(containsString("Removal order from Bundeskriminalamt")))
                .andExpect(content().string(containsString("Regulation (EU) 2021/784 Art. 3")))
                .andExpect(content().string(containsString("user-8841")))
                .andExpect(content().string(containsString("lang=\"de\"")))
                .andExpect(content().string(containsString("Appeal: Filed, no reviewer yet")));
        assertThat(API.calls("GET", "/api/v1/appeals").getFirst().query()).isEqualTo("noticeId=" + N2);
    }

    @Test
    void aNoticeOfAnotherCompanyIsAPageThatDoesNotExist() throws Exception {
        mvc.perform(get("/company/notices/01930000-0000-7000-8000-0000000a0099")
                        .with(signedIn("responder-chirp", "01930000-0000-7000-8000-00000000c002", "company-responder")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/company/notices/01930000-0000-7000-8000-0000000a0099/issued")
                        .with(signedIn("responder-chirp", "01930000-0000-7000-8000-00000000c002", "company-responder")))
                .andExpect(status().isNotFound());
        // and the desk is not an appellant's
        mvc.perform(get("/company/notices").with(signedIn("appellant-1", null, "appellant")))
                .andExpect(status().isNotFound());
        // what cannot be an id is a page that does not exist, not a service that is down
        mvc.perform(get("/company/notices/not-an-id!")
                        .with(signedIn("responder-chirp", "01930000-0000-7000-8000-00000000c002", "company-responder")))
                .andExpect(status().isNotFound());
    }

    @Test
    void frenchPagesSpeakFrench() throws Exception {
        API.on("GET", "/api/v1/notices", 200, listing());
        API.on("GET", "/api/v1/appeals", 200, listing());
        mvc.perform(get("/company/notices").with(responder()).header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("<h1>Exposés des motifs</h1>")))
                .andExpect(content().string(containsString("Enregistrer un exposé des motifs")));
    }
}
