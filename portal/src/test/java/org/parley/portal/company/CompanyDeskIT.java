package org.parley.portal.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.parley.portal.company.RequestFixtures.STAKEHOLDERS;
import static org.parley.portal.company.RequestFixtures.page;
import static org.parley.portal.company.RequestFixtures.request;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PortalTest
class CompanyDeskIT extends PortalTest.Base {

    static final String REMOVAL = "01935a00-0000-7000-8000-000000000001";
    static final String INFO = "01935a00-0000-7000-8000-000000000002";
    static final String LATE = "01935a00-0000-7000-8000-000000000003";
    static final String WAITING = "01935a00-0000-7000-8000-000000000004";


    @Autowired
    JsonMapper json;


    @BeforeEach
    void resetApi() {
        API.on("GET", "/api/v1/stakeholders", 200, STAKEHOLDERS);
    }

    private MockHttpServletRequestBuilder asResponder(MockHttpServletRequestBuilder request) {
        return request.with(signedIn("responder-streamly-1", RequestFixtures.COMPANY, "company-responder"))
                .header("Accept-Language", "en");
    }

    private void inboxOf(RequestFixtures.Request... requests) {
        API.on("GET", "/api/v1/requests", 200, page(requests));
        for (RequestFixtures.Request r : requests) {
            API.on("GET", "/api/v1/requests/" + r.id, 200, r.detail());
            API.on("GET", "/api/v1/requests/" + r.id + "/history", 200, r.history());
        }
    }

    // ---- the inbox ------------------------------------------------------------------------------

    @Test
    void inboxShowsTheMostUrgentFirstWithCountdownsAndWarnings() throws Exception {
        inboxOf(request(INFO).type("INFORMATION").due(Instant.now().plusSeconds(3 * 24 * 3600)),
                request(WAITING).state("CLARIFICATION_REQUESTED").stopped(1800),
                request(REMOVAL).warning("Germany is not among the company's jurisdictions: name mutual legal assistance"),
                request(LATE).state("ACKNOWLEDGED").due(Instant.now().minusSeconds(300)).overdue());

        String html = mvc.perform(asResponder(get("/company")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Inbox</h1>")))
                .andReturn().getResponse().getContentAsString();

        // overdue first, then by due time, the stopped clock last
        assertThat(html.indexOf("id=\"req-" + LATE)).isPositive()
                .isLessThan(html.indexOf("id=\"req-" + REMOVAL));
        assertThat(html.indexOf("id=\"req-" + REMOVAL)).isLessThan(html.indexOf("id=\"req-" + INFO));
        assertThat(html.indexOf("id=\"req-" + INFO)).isLessThan(html.indexOf("id=\"req-" + WAITING));

        assertThat(html).contains("<tbody id=\"inbox-rows\" sse-swap=\"request\" hx-swap=\"afterbegin\">",
                "hx-ext=\"sse\" sse-connect=\"/stream/inbox\"",
                "data-countdown=\"", "data-left=\"{0} left\"", "data-overdue=\"overdue by {0}\"",
                ">due in 39 min<", "Removal order", "Information request",
                // names from the registry, not as stored on the request
                "Germany: Federal Office for Online Safety",
                "<span class=\"badge overdue\">Overdue</span>", "overdue by 5 min",
                "1 warning", "Germany is not among the company's jurisdictions",
                "Clock stopped", "href=\"/company/requests/" + REMOVAL + "\"",
                "href=\"/company/notices\"", "href=\"/company/appeals\"", "href=\"/company/profile\"");
        assertThat(html).doesNotContain("Federal Office for Online Safety (as submitted)");

        // the open states in one listing, with the responder's own token; the rows carry their warnings,
        // so no request is read one by one
        List<StubApi.Call> listings = API.calls("GET", "/api/v1/requests");
        assertThat(listings).extracting(StubApi.Call::query).containsExactly(
                "order=URGENCY&pageSize=100&state=SUBMITTED&state=ACKNOWLEDGED&state=CLARIFICATION_REQUESTED");
        assertThat(listings).allSatisfy(call -> assertThat(call.header("Authorization")).isEqualTo("Bearer access-token"));
        for (String id : List.of(INFO, WAITING, REMOVAL, LATE)) {
            assertThat(API.calls("GET", "/api/v1/requests/" + id)).isEmpty();
        }
    }

    @Test
    void inboxFiltersAreTheApisFilters() throws Exception {
        inboxOf();
        mvc.perform(asResponder(get("/company").param("state", "FULFILLED").param("type", "REFERRAL")
                        .param("overdue", "true")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No request matches these filters.")))
                .andExpect(content().string(containsString("<option value=\"FULFILLED\" selected>")));
        assertThat(API.calls("GET", "/api/v1/requests")).extracting(StubApi.Call::query)
                .containsExactly("order=URGENCY&pageSize=100&state=FULFILLED&type=REFERRAL&overdue=true");

        API.reset();
        inboxOf();
        mvc.perform(asResponder(get("/company").param("state", "ALL").param("type", "<script>")))
                .andExpect(status().isOk());
        assertThat(API.calls("GET", "/api/v1/requests")).extracting(StubApi.Call::query)
                .containsExactly("order=URGENCY&pageSize=100");
    }

    @Test
    void theInboxShowsTheMostUrgentHundredInOneCallAndEveryOneWhenAsked() throws Exception {
        API.on("GET", "/api/v1/requests", 200, page(request(REMOVAL)).replace("\"nextPageToken\":null",
                "\"nextPageToken\":\"cDE6bmV4dA\""));

        mvc.perform(asResponder(get("/company").param("type", "REMOVAL_ORDER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The 1 most urgent requests are shown.")))
                .andExpect(content().string(containsString(
                        "<a href=\"/company?all=true&amp;type=REMOVAL_ORDER\">Show every matching request</a>")));
        assertThat(API.calls("GET", "/api/v1/requests")).extracting(StubApi.Call::query)
                .containsExactly("order=URGENCY&pageSize=100&state=SUBMITTED&state=ACKNOWLEDGED"
                        + "&state=CLARIFICATION_REQUESTED&type=REMOVAL_ORDER");

        API.reset();
        API.on("GET", "/api/v1/stakeholders", 200, STAKEHOLDERS);
        API.on("GET", "/api/v1/requests", 200, page(request(REMOVAL)).replace("\"nextPageToken\":null",
                "\"nextPageToken\":\"cDE6bmV4dA\""));
        mvc.perform(asResponder(get("/company").param("all", "true")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("most urgent requests are shown"))))
                .andExpect(content().string(containsString("More requests match than the inbox can list")));
        assertThat(API.calls("GET", "/api/v1/requests")).extracting(StubApi.Call::query).hasSize(4)
                .allSatisfy(query -> assertThat(query).startsWith("order=URGENCY&pageSize=500&state=SUBMITTED"));
    }

    @Test
    void inboxStillRendersWhenTheRequestsCannotBeReached() throws Exception {
        API.on("GET", "/api/v1/requests", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        mvc.perform(asResponder(get("/company")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Inbox</h1>")))
                .andExpect(content().string(containsString("The requests cannot be reached right now")))
                .andExpect(content().string(containsString("href=\"/company/notices\"")))
                .andExpect(content().string(not(containsString("id=\"inbox-rows\""))));
    }

    @Test
    void inboxIsInFrench() throws Exception {
        inboxOf(request(REMOVAL));
        String html = mvc.perform(get("/company")
                        .with(signedIn("responder-streamly-1", RequestFixtures.COMPANY, "company-responder"))
                        .header("Accept-Language", "fr"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>Boîte de réception</h1>", "Injonction de retrait", "Notre point de contact",
                "href=\"/company/profile\"");
    }

    @Test
    void oneRowForTheLiveUpdate() {
        RequestFixtures.Request removal = request(REMOVAL).warning("First words").warning("Second");
        API.on("GET", "/api/v1/requests/" + REMOVAL, 200, removal.detail());
        // outside a page: the stream passes the person's Api; the anonymous one is enough here
        var row = InboxRows.row(apis.anonymous(), REMOVAL).orElseThrow();
        assertThat(row.requestId()).isEqualTo(REMOVAL);
        assertThat(row.type()).isEqualTo("REMOVAL_ORDER");
        assertThat(row.authority()).isEqualTo("Germany: Federal Office for Online Safety");
        assertThat(row.warningCount()).isEqualTo(2);
        assertThat(row.firstWarning()).isEqualTo("First words");
        assertThat(row.counting()).isTrue();

        assertThat(InboxRows.row(apis.anonymous(), "01935a00-0000-7000-8000-0000000000ff")).isEmpty();
        assertThat(InboxRows.row(apis.anonymous(), "../admin")).isEmpty();
    }

    @Autowired
    org.parley.portal.api.Apis apis;

    // ---- one request ----------------------------------------------------------------------------

    @Test
    void requestPageShowsTheFactsAndOnlyTheActionsTheApiAllows() throws Exception {
        inboxOf(request(REMOVAL).gag("2027-01-31", true).warning("Name mutual legal assistance")
                .actions("ACKNOWLEDGE"));
        String html = mvc.perform(asResponder(get("/company/requests/" + REMOVAL)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>Removal order", "id=\"request-state\"", ">Received</span>",
                "Regulation (EU) 2021/784", "Art. 3", "Public order",
                "The video calls for attacks on a named place of worship this week.",
                "https://video.streamly.example/v/8841", "erased after the retention period",
                "Incitement to a terrorist offence under § 89a StGB.",
                "In force until", "An investigation would be compromised",
                "Name mutual legal assistance", "id=\"request-countdown\"", "data-countdown=",
                ">Acknowledge</button>", "name=\"idempotencyKey\"",
                // history: the other side by role and organisation
                "Submitted", "Government liaison");
        assertThat(html).doesNotContain("Send the response", "Ask a clarification</button>",
                "Record that users were notified</button>");
        assertThat(API.calls("GET", "/api/v1/requests/" + REMOVAL + "/history")).hasSize(1);
    }

    @Test
    void acknowledgingSendsTheIdempotencyKeyAndConfirms() throws Exception {
        inboxOf(request(REMOVAL));
        API.on("POST", "/api/v1/requests/" + REMOVAL + "/acknowledgement", 200, request(REMOVAL).state("ACKNOWLEDGED").detail());
        mvc.perform(asResponder(post("/company/requests/" + REMOVAL + "/acknowledgement"))
                        .param("idempotencyKey", "key-ack-1").with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/company/requests/" + REMOVAL))
                .andExpect(flash().attribute("done", "done.acknowledged"));
        StubApi.Call call = API.calls("POST", "/api/v1/requests/" + REMOVAL + "/acknowledgement").getFirst();
        assertThat(call.header("Idempotency-Key")).isEqualTo("key-ack-1");
        assertThat(call.header("Authorization")).isEqualTo("Bearer access-token");

        // the redirected page shows the flash attribute (kept in the person's session in between)
        org.springframework.web.servlet.FlashMap flash = new org.springframework.web.servlet.FlashMap();
        flash.put("done", "done.acknowledged");
        mvc.perform(asResponder(get("/company/requests/" + REMOVAL))
                        .requestAttr(org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, flash))
                .andExpect(content().string(containsString(
                        "<p class=\"notice good\" role=\"status\" id=\"done\">Receipt acknowledged.")));
    }

    @Test
    void askingAClarificationSendsTheQuestion() throws Exception {
        inboxOf(request(REMOVAL).state("ACKNOWLEDGED").actions("ASK_CLARIFICATION", "FULFIL", "REJECT"));
        API.on("POST", "/api/v1/requests/" + REMOVAL + "/clarifications", 201,
                "{\"id\":\"c1\",\"question\":\"Which minute?\"}");
        mvc.perform(asResponder(get("/company/requests/" + REMOVAL)))
                .andExpect(content().string(containsString("Ask a clarification</button>")))
                .andExpect(content().string(containsString("id=\"f-question\"")))
                .andExpect(content().string(containsString("Send the response</button>")));
        mvc.perform(asResponder(post("/company/requests/" + REMOVAL + "/clarifications"))
                        .param("question", "Which minute of the video?").param("idempotencyKey", "key-q-1").with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("done", "done.clarificationAsked"));
        StubApi.Call call = API.calls("POST", "/api/v1/requests/" + REMOVAL + "/clarifications").getFirst();
        assertThat(json.readTree(call.body()).path("question").asString()).isEqualTo("Which minute of the video?");
        assertThat(call.header("Idempotency-Key")).isEqualTo("key-q-1");
    }

    @Test
    void aResponseIsSentInTheApisShape() throws Exception {
        inboxOf(request(INFO).type("INFORMATION").state("ACKNOWLEDGED")
                .actions("ASK_CLARIFICATION", "FULFIL", "PARTIALLY_FULFIL", "REJECT", "CHALLENGE"));
        mvc.perform(asResponder(get("/company/requests/" + INFO)))
                .andExpect(content().string(containsString("id=\"f-disclosure-packageSha256\"")))
                .andExpect(content().string(containsString("id=\"f-disclosure-itemCount\"")))
                .andExpect(content().string(containsString("id=\"f-outcome\"")))
                .andExpect(content().string(containsString("id=\"f-actionTakenAt\"")));
        API.on("POST", "/api/v1/requests/" + INFO + "/response", 200, request(INFO).state("FULFILLED").detail());
        String sha = "a".repeat(64);
        mvc.perform(asResponder(post("/company/requests/" + INFO + "/response"))
                        .param("outcome", "FULFILLED").param("explanation", "Subscriber data of one account.")
                        .param("disclosure.itemCount", "3").param("disclosure.packageSha256", sha)
                        .param("actionTakenAt", "2026-12-01T10:05:30").param("idempotencyKey", "key-r-1")
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("done", "done.responded"));
        StubApi.Call call = API.calls("POST", "/api/v1/requests/" + INFO + "/response").getFirst();
        JsonNode body = json.readTree(call.body());
        assertThat(body.path("outcome").asString()).isEqualTo("FULFILLED");
        assertThat(body.path("reasonCodes").isArray()).isTrue();
        assertThat(body.path("reasonCodes").size()).isZero();
        assertThat(body.path("actionTakenAt").asString()).isEqualTo("2026-12-01T10:05:30Z");
        assertThat(body.path("disclosure").path("itemCount").asInt()).isEqualTo(3);
        assertThat(body.path("disclosure").path("packageSha256").asString()).isEqualTo(sha);
        assertThat(call.header("Idempotency-Key")).isEqualTo("key-r-1");
        // the services refuse chunked bodies
        assertThat(call.header("Content-Length")).isEqualTo(String.valueOf(call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }

    @Test
    void aRefusedResponseShowsTheApisMessagesBesideTheFields() throws Exception {
        inboxOf(request(INFO).type("INFORMATION").state("ACKNOWLEDGED").actions("FULFIL", "REJECT"));
        API.on("POST", "/api/v1/requests/" + INFO + "/response", 422, """
                {"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"The request has invalid fields",
                 "reason":"INVALID_FIELDS",
                 "errors":[{"field":"reasonCodes","message":"say why the request was not (fully) fulfilled"},
                           {"field":"disclosure.packageSha256","message":"must be a SHA-256 digest: 64 hexadecimal characters"}]}""");
        String html = mvc.perform(asResponder(post("/company/requests/" + INFO + "/response"))
                        .param("outcome", "REJECTED").param("explanation", "Kept as typed.")
                        .param("reasonCodes", "OVERBROAD").param("disclosure.packageSha256", "xyz")
                        .param("idempotencyKey", "key-r-2").with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("role=\"alert\"",
                "<p class=\"field-error\" id=\"f-reasonCodes-error\">say why the request was not (fully) fulfilled</p>",
                "<p class=\"field-error\" id=\"f-disclosure-packageSha256-error\">must be a SHA-256 digest",
                "href=\"#f-reasonCodes\"", "aria-invalid=\"true\"",
                "Kept as typed.</textarea>", "value=\"xyz\"", "<option value=\"REJECTED\" selected>",
                "value=\"OVERBROAD\"\n                           checked", "value=\"key-r-2\"");
    }

    @Test
    void anActionTheStateNoLongerAllowsSaysSo() throws Exception {
        inboxOf(request(REMOVAL).state("WITHDRAWN").actions());
        API.on("POST", "/api/v1/requests/" + REMOVAL + "/acknowledgement", 409, """
                {"title":"Conflict","status":409,"detail":"Cannot acknowledge a request that is WITHDRAWN (a final state)",
                 "reason":"ILLEGAL_TRANSITION"}""");
        mvc.perform(asResponder(post("/company/requests/" + REMOVAL + "/acknowledgement"))
                        .param("idempotencyKey", "k").with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString(">Withdrawn</span>")));
    }

    @Test
    void usersNotifiedOnceTheGagEnded() throws Exception {
        inboxOf(request(REMOVAL).state("FULFILLED").gag("2026-01-31", false).actions("RECORD_USER_NOTIFICATION")
                .response("""
                        {"outcome":"FULFILLED","reasonCodes":[],"explanation":"Removed.","actionTakenAt":"2025-11-01T10:20:00Z",
                         "respondedAt":"2025-11-01T10:21:00Z","hoursToAnswer":0.4,"answeredInTime":true}"""));
        mvc.perform(asResponder(get("/company/requests/" + REMOVAL)))
                .andExpect(content().string(containsString("Record that users were notified</button>")))
                .andExpect(content().string(containsString("id=\"f-notifiedAt\"")))
                .andExpect(content().string(containsString("Ended on")))
                .andExpect(content().string(containsString("in time")));
        API.on("POST", "/api/v1/requests/" + REMOVAL + "/user-notification", 200, request(REMOVAL).detail());
        mvc.perform(asResponder(post("/company/requests/" + REMOVAL + "/user-notification"))
                        .param("notifiedAt", "2026-02-02T09:00").param("idempotencyKey", "key-n").with(csrf()))
                .andExpect(status().isFound());
        StubApi.Call call = API.calls("POST", "/api/v1/requests/" + REMOVAL + "/user-notification").getFirst();
        assertThat(json.readTree(call.body()).path("notifiedAt").asString()).isEqualTo("2026-02-02T09:00:00Z");
    }

    @Test
    void aRequestOfAnotherCompanyIsAPageThatDoesNotExist() throws Exception {
        String other = "01935a00-0000-7000-8000-0000000000aa";
        API.on("GET", "/api/v1/requests/" + other, 404, "{\"title\":\"Not Found\",\"status\":404}");
        API.on("POST", "/api/v1/requests/" + other + "/acknowledgement", 404, "{\"title\":\"Not Found\",\"status\":404}");
        mvc.perform(asResponder(get("/company/requests/" + other))).andExpect(status().isNotFound());
        mvc.perform(asResponder(post("/company/requests/" + other + "/acknowledgement")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(asResponder(get("/company/requests/not-an-id!"))).andExpect(status().isNotFound());
        // and the desk is a responder's only
        mvc.perform(get("/company/requests/" + REMOVAL).with(signedIn("liaison-de-1", RequestFixtures.AUTHORITY,
                "gov-liaison"))).andExpect(status().isNotFound());
    }

    @Test
    void aRequestPageWhoseServiceIsDownSaysSo() throws Exception {
        API.on("GET", "/api/v1/requests/" + LATE, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        mvc.perform(asResponder(get("/company/requests/" + LATE)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("The requests cannot be reached right now")))
                .andExpect(content().string(containsString("href=\"/company/appeals\"")));
    }

    @Test
    void actionsNeedTheCsrfToken() throws Exception {
        mvc.perform(asResponder(post("/company/requests/" + REMOVAL + "/acknowledgement")))
                .andExpect(status().isForbidden());
        assertThat(API.calls("POST", "/api/v1/requests/" + REMOVAL + "/acknowledgement")).isEmpty();
    }
}
