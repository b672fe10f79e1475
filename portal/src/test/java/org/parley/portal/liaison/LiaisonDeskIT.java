package org.parley.portal.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.parley.portal.liaison.LiaisonJson.AUTHORITY;
import static org.parley.portal.liaison.LiaisonJson.STREAMLY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PortalTest
class LiaisonDeskIT extends PortalTest.Base {

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void freshStub() {
        API.on("GET", "/api/v1/stakeholders", 200, LiaisonJson.companies());
    }

    private OidcLoginRequestPostProcessor liaison() {
        return signedIn("liaison-de-1", AUTHORITY, "gov-liaison");
    }

    // ---- the list ---------------------------------------------------------------------------

    @Test
    void listShowsTheAuthoritysRequestsWithTheirClockAndWhatWaitsForAnAnswer() throws Exception {
        API.on("GET", "/api/v1/requests", 200, LiaisonJson.page("next-token-1",
                LiaisonJson.headline("r-late", "REMOVAL_ORDER", "SUBMITTED", LiaisonJson.inMinutes(-5), true),
                LiaisonJson.headline("r-ask", "INFORMATION", "CLARIFICATION_REQUESTED", null, false)));
        mvc.perform(get("/liaison").with(liaison()).header("Accept-Language", "en")
                        .param("state", "SUBMITTED").param("type", "REMOVAL_ORDER").param("overdue", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Requests of my authority</h1>"),
                        containsString("href=\"/liaison/requests/new\""),
                        containsString("href=\"/liaison/confirmations\""),
                        containsString("href=\"/liaison/requests/r-late\">Removal order</a>"),
                        containsString("Streamly"),
                        containsString("<span class=\"badge overdue\">Overdue</span>"),
                        containsString("overdue by"),
                        containsString("data-countdown="),
                        containsString("Question waiting for your answer"),
                        containsString("Clarification requested"),
                        containsString("id=\"next-page\""),
                        containsString("pageToken=next-token-1"))));
        StubApi.Call call = API.calls("GET", "/api/v1/requests").getFirst();
        assertThat(call.header("Authorization")).isEqualTo("Bearer access-token");
        assertThat(call.query()).contains("state=SUBMITTED", "type=REMOVAL_ORDER", "overdue=true");
        // the companies were asked for beside the requests
        assertThat(API.calls("GET", "/api/v1/stakeholders").getFirst().query()).contains("kind=COMPANY");
    }

    @Test
    void listIgnoresFilterValuesTheApiDoesNotKnow() throws Exception {
        API.on("GET", "/api/v1/requests", 200, LiaisonJson.page(null));
        mvc.perform(get("/liaison").with(liaison()).param("state", "NOPE").param("type", "x'y"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your authority has not sent any request yet.")));
        assertThat(API.calls("GET", "/api/v1/requests").getFirst().query()).doesNotContain("state=", "type=");
    }

    @Test
    void listSaysTheRequestsAreMissingWhenTheirServiceIsDown() throws Exception {
        API.on("GET", "/api/v1/requests", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        mvc.perform(get("/liaison").with(liaison()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Requests of my authority</h1>"),
                        containsString("The requests cannot be reached right now"),
                        containsString("New request"))));
    }

    @Test
    void listSpeaksFrench() throws Exception {
        API.on("GET", "/api/v1/requests", 200, LiaisonJson.page(null));
        mvc.perform(get("/liaison").with(liaison()).header("Accept-Language", "fr"))
                .andExpect(content().string(allOf(containsString("<h1>Demandes de mon autorité</h1>"),
                        containsString("Nouvelle demande"))));
    }

    @Test
    void theDeskIsOnlyForLiaisons() throws Exception {
        mvc.perform(get("/liaison").with(signedIn("responder-streamly-1", STREAMLY, "company-responder")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/liaison/requests/new").with(signedIn("appellant-1", null, "appellant")))
                .andExpect(status().isNotFound());
    }

    // ---- a new request ----------------------------------------------------------------------

    @Test
    void newRequestOffersTheFiveTypesEachExplained() throws Exception {
        mvc.perform(get("/liaison/requests/new").with(liaison()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"type-REMOVAL_ORDER\" href=\"/liaison/requests/new?type=REMOVAL_ORDER\""),
                        containsString("id=\"type-INFORMATION\""), containsString("id=\"type-REFERRAL\""),
                        containsString("id=\"type-PRESERVATION\""), containsString("id=\"type-EMERGENCY_DISCLOSURE\""),
                        containsString("within 1 hour"), containsString("second liaison"))));
        mvc.perform(get("/liaison/requests/new").param("type", "NO_SUCH_TYPE").with(liaison()))
                .andExpect(status().isNotFound());
    }

    @Test
    void informationRequestFormAsksForDataPeriodAndJudicialAuthorisation() throws Exception {
        String html = mvc.perform(get("/liaison/requests/new").param("type", "INFORMATION").with(liaison())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>New request: Information request</h1>",
                "<label for=\"f-targetCompanyId\">", "<option value=\"" + STREAMLY + "\">Streamly (IE)</option>",
                "id=\"f-legalBasis-instrument\"", "id=\"f-legalBasis-provision\"", "id=\"f-legalBasis-jurisdiction\"",
                "id=\"f-legitimateAim\"", "id=\"f-necessityStatement\"", "id=\"f-proportionalityStatement\"",
                "id=\"f-subjects-0--kind\"", "id=\"f-subjects-2--value\"", "id=\"add-subject\"",
                "id=\"f-dataCategories-CONTENT\"", "id=\"f-period-from\"", "id=\"f-period-to\"",
                "id=\"f-judicialAuthorisation-court\"", "id=\"f-judicialAuthorisation-date\"",
                "id=\"f-statementOfReasons\"", "id=\"f-confidentiality-until\"", "id=\"f-confidentiality-justification\"",
                "id=\"findings\" aria-live=\"polite\"", "hx-post=\"/liaison/requests/assessment\"",
                "hx-trigger=\"input changed delay:600ms from:closest form, change from:closest form\"",
                ">Check the safeguards</button>", ">Submit the request</button>");
        assertThat(html).doesNotContain("id=\"f-subjects-3--value\"");
        assertThat(idempotencyKey(html)).matches("[0-9a-f-]{36}");
        // every field has its label
        Matcher ids = Pattern.compile("<(?:input|select|textarea) id=\"([^\"]+)\"").matcher(html);
        while (ids.find()) {
            assertThat(html).contains("<label for=\"" + ids.group(1) + "\"");
        }
    }

    @Test
    void removalOrderFormHasNoDataFieldsAndAReferralNoDeadline() throws Exception {
        mvc.perform(get("/liaison/requests/new").param("type", "REMOVAL_ORDER").with(liaison()))
                .andExpect(content().string(allOf(containsString("id=\"f-answerBy\""),
                        not(containsString("f-dataCategories")), not(containsString("f-judicialAuthorisation")))));
        mvc.perform(get("/liaison/requests/new").param("type", "REFERRAL").with(liaison()))
                .andExpect(content().string(allOf(not(containsString("id=\"f-answerBy\"")),
                        containsString("id=\"referral-no-deadline\""))));
    }

    @Test
    void formStillRendersWhenTheCompaniesCannotBeListed() throws Exception {
        API.on("GET", "/api/v1/stakeholders", 503, "{}");
        mvc.perform(get("/liaison/requests/new").param("type", "REMOVAL_ORDER").with(liaison()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The registry of participants"),
                        containsString("<input id=\"f-targetCompanyId\" name=\"targetCompanyId\" type=\"text\""))));
    }

    @Test
    void liveCheckRendersTheFindingsBlockersFirstWithWhatToChange() throws Exception {
        API.on("POST", "/api/v1/requests/assessment", 200, """
                {"acceptable":false,"rulesVersion":3,"dueAt":"2026-12-01T11:00:00Z","findings":[
                  {"rule":"JURISDICTION","severity":"WARNING","message":"Streamly does not operate in US"},
                  {"rule":"SUBJECTS_EXACT","severity":"BLOCKER","message":"subjects[0] contains a wildcard"},
                  {"rule":"SOMETHING_NEW","severity":"BLOCKER","message":"A rule the portal does not know yet"}]}""");
        String html = mvc.perform(post("/liaison/requests/assessment").with(liaison()).with(csrf())
                        .header("HX-Request", "true").header("Accept-Language", "en")
                        .param("type", "REMOVAL_ORDER").param("targetCompanyId", STREAMLY)
                        .param("legalBasis.instrument", "Regulation (EU) 2021/784").param("legalBasis.provision", "")
                        .param("subjects[0].kind", "URL").param("subjects[0].value", "")
                        .param("subjects[1].kind", "URL").param("subjects[1].value", "https://video.example.com/*")
                        .param("subjects[2].kind", "URL").param("subjects[2].value", ""))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // a fragment for the findings panel, not a page
        assertThat(html).doesNotContain("<html", "<h1");
        assertThat(html.indexOf("Blocks submission")).isLessThan(html.indexOf("Warning, does not block"));
        assertThat(html).contains("A subject is not exact", "Remove wildcards", "subject 2",
                "href=\"#f-subjects-1--value\"", "subjects[1] contains a wildcard",
                "A rule the portal does not know yet", "The company does not operate in your country");
        assertThat(html).doesNotContain("Nothing blocks submission");
        JsonNode sent = json.readTree(API.calls("POST", "/api/v1/requests/assessment").getFirst().body());
        assertThat(sent.path("type").asString()).isEqualTo("REMOVAL_ORDER");
        assertThat(sent.path("targetCompanyId").asString()).isEqualTo(STREAMLY);
        assertThat(sent.path("legalBasis").path("instrument").asString()).isEqualTo("Regulation (EU) 2021/784");
        assertThat(sent.path("subjects").size()).isEqualTo(1);
        assertThat(sent.path("subjects").get(0).path("value").asString()).isEqualTo("https://video.example.com/*");
        assertThat(sent.has("dataCategories")).isFalse();
        assertThat(sent.has("authority")).isFalse();
    }

    @Test
    void liveCheckSaysWhenNothingBlocks() throws Exception {
        API.on("POST", "/api/v1/requests/assessment", 200,
                "{\"acceptable\":true,\"rulesVersion\":3,\"findings\":[],\"dueAt\":\"2026-12-01T11:00:00Z\"}");
        mvc.perform(post("/liaison/requests/assessment").with(liaison()).with(csrf()).header("HX-Request", "true")
                        .header("Accept-Language", "en").param("type", "REMOVAL_ORDER"))
                .andExpect(content().string(allOf(containsString("id=\"findings-clear\""),
                        containsString("Nothing blocks submission."), containsString("would be due on"))));
    }

    @Test
    void liveCheckNamesTheFieldsItCannotReadYet() throws Exception {
        API.on("POST", "/api/v1/requests/assessment", 422, """
                {"type":"urn:parley:problem:invalid-fields","title":"Unprocessable Content","status":422,
                 "detail":"The request has invalid fields","reason":"INVALID_FIELDS",
                 "errors":[{"field":"targetCompanyId","message":"is required"},
                           {"field":"subjects","message":"name at least one URL or account"}]}""");
        mvc.perform(post("/liaison/requests/assessment").with(liaison()).with(csrf()).header("HX-Request", "true")
                        .header("Accept-Language", "en").param("type", "PRESERVATION"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Before the check can run"),
                        containsString("href=\"#f-targetCompanyId\">Company addressed</a>: is required"),
                        containsString("name at least one URL or account"),
                        not(containsString("Nothing blocks submission")))));
    }

    @Test
    void checkButtonWithoutJavaScriptDrawsTheWholeFormWithTheFindingsAndWhatWasTyped() throws Exception {
        API.on("POST", "/api/v1/requests/assessment", 200, """
                {"acceptable":false,"rulesVersion":3,"findings":[
                  {"rule":"NECESSITY","severity":"BLOCKER","message":"The necessity statement needs at least 40 characters (has 5)"}]}""");
        mvc.perform(post("/liaison/requests/assessment").with(liaison()).with(csrf()).header("Accept-Language", "en")
                        .param("type", "REMOVAL_ORDER").param("idempotencyKey", "key-check-1")
                        .param("necessityStatement", "Short").param("check", "1")
                        .param("subjects[0].kind", "URL").param("subjects[0].value", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>New request: Removal order</h1>"),
                        containsString(">Short</textarea>"),
                        containsString("value=\"key-check-1\""),
                        containsString("Necessity or proportionality is not explained enough"),
                        containsString("href=\"#f-necessityStatement\""))));
    }

    @Test
    void addingASubjectRowWorksWithoutJavaScript() throws Exception {
        API.on("POST", "/api/v1/requests/assessment", 200, "{\"acceptable\":true,\"rulesVersion\":3,\"findings\":[]}");
        mvc.perform(post("/liaison/requests/assessment").with(liaison()).with(csrf())
                        .param("type", "REFERRAL").param("addSubject", "1")
                        .param("subjects[0].value", "https://a.example/x").param("subjects[1].value", "")
                        .param("subjects[2].value", ""))
                .andExpect(content().string(allOf(containsString("id=\"f-subjects-3--value\""),
                        containsString("value=\"https://a.example/x\""), not(containsString("id=\"f-subjects-4--value\"")))));
    }

    @Test
    void submittingPassesTheFormsIdempotencyKeySoADoubleClickFilesOneRequest() throws Exception {
        String html = mvc.perform(get("/liaison/requests/new").param("type", "REMOVAL_ORDER").with(liaison()))
                .andReturn().getResponse().getContentAsString();
        String key = idempotencyKey(html);
        API.on("POST", "/api/v1/requests", new StubApi.Answer(201, "application/json",
                "{\"id\":\"r-new-1\",\"state\":\"SUBMITTED\",\"findings\":[]}",
                java.util.Map.of("Location", "/api/v1/requests/r-new-1")));
        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/liaison/requests").with(liaison()).with(csrf())
                            .param("type", "REMOVAL_ORDER").param("idempotencyKey", key)
                            .param("targetCompanyId", STREAMLY).param("legitimateAim", "PUBLIC_ORDER")
                            .param("subjects[0].kind", "URL").param("subjects[0].value", "https://video.example.com/v/123"))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/liaison/requests/r-new-1?done=submitted"));
        }
        var calls = API.calls("POST", "/api/v1/requests");
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.header("Idempotency-Key")).isEqualTo(key);
            assertThat(call.header("Authorization")).isEqualTo("Bearer access-token");
            // the services refuse chunked bodies
            assertThat(call.header("Content-Length")).isEqualTo(String.valueOf(call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
            assertThat(call.header("Transfer-Encoding")).isNull();
        });
        // the same key and the same body: the API answers the first request again
        assertThat(calls.get(0).body()).isEqualTo(calls.get(1).body());
        assertThat(json.readTree(calls.get(0).body()).path("legitimateAim").asString()).isEqualTo("PUBLIC_ORDER");
    }

    @Test
    void aRefusedSubmissionIsDrawnAgainWithTheFindingsTheFieldErrorsAndTheSameKey() throws Exception {
        API.on("POST", "/api/v1/requests", 422, """
                {"type":"urn:parley:problem:safeguards-refused","title":"Unprocessable Content","status":422,
                 "detail":"The request fails the safeguards check (1 blocker)","reason":"SAFEGUARDS_REFUSED",
                 "errors":[{"field":"legalBasis.jurisdiction","message":"must be an ISO 3166-1 alpha-2 code, e.g. DE"}],
                 "findings":[{"rule":"LEGAL_BASIS","severity":"BLOCKER","message":"Name the provision of StGB the request rests on"},
                             {"rule":"OVERBREADTH","severity":"WARNING","message":"The request names 60 subjects"}]}""");
        mvc.perform(post("/liaison/requests").with(liaison()).with(csrf()).header("Accept-Language", "en")
                        .param("type", "REMOVAL_ORDER").param("idempotencyKey", "key-refused-1")
                        .param("legalBasis.instrument", "StGB").param("legalBasis.jurisdiction", "Germany")
                        .param("subjects[0].kind", "URL").param("subjects[0].value", "https://video.example.com/v/9"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(
                        containsString("role=\"alert\""),
                        containsString("The request was not submitted."),
                        containsString("value=\"StGB\""), containsString("value=\"Germany\""),
                        containsString("value=\"https://video.example.com/v/9\""),
                        containsString("value=\"key-refused-1\""),
                        containsString("aria-invalid=\"true\""),
                        containsString("id=\"f-legalBasis-jurisdiction-error\">must be an ISO 3166-1 alpha-2 code"),
                        containsString("The legal basis is incomplete"),
                        containsString("href=\"#f-legalBasis-provision\""),
                        containsString("Many subjects"))));
        assertThat(API.calls("POST", "/api/v1/requests").getFirst().header("Idempotency-Key")).isEqualTo("key-refused-1");
    }

    @Test
    void aSubmissionWhileTheServiceIsDownKeepsWhatWasTyped() throws Exception {
        API.on("POST", "/api/v1/requests", 503, "{}");
        mvc.perform(post("/liaison/requests").with(liaison()).with(csrf()).header("Accept-Language", "en")
                        .param("type", "PRESERVATION").param("idempotencyKey", "key-down-1")
                        .param("statementOfReasons", "Keep it"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("The requests cannot be reached right now"),
                        containsString(">Keep it</textarea>"))));
    }

    // ---- one request ------------------------------------------------------------------------

    @Test
    void requestPageShowsStateClockQuestionWarningsAndHistory() throws Exception {
        API.on("GET", "/api/v1/requests/r-one", 200, LiaisonJson.removalOrderWithQuestion("r-one", "c-1"));
        API.on("GET", "/api/v1/requests/r-one/history", 200, LiaisonJson.history());
        mvc.perform(get("/liaison/requests/r-one").with(liaison()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Removal order to Streamly</h1>"),
                        containsString("id=\"request-state\" data-state=\"CLARIFICATION_REQUESTED\">Clarification requested</span>"),
                        containsString("Clock stopped while the company waits for your answer; 40 min left"),
                        containsString("Which of the two uploads do you mean?"),
                        containsString("action=\"/liaison/requests/r-one/clarifications/c-1/answer\""),
                        containsString("<label for=\"f-answer\">Your answer</label>"),
                        containsString("id=\"send-answer\""),
                        containsString("The company does not operate in your country"),
                        containsString("https://video.example.com/v/123"),
                        containsString("Regulation (EU) 2021/784, Art. 3 (DE)"),
                        containsString("Submitted</strong>"),
                        containsString("· liaison-de-1"),
                        containsString("by a company responder"),
                        containsString("id=\"withdraw\""))));
    }

    @Test
    void anOverlapWithAnotherAuthoritysRequestSaysOnlyThatItExists() throws Exception {
        API.on("GET", "/api/v1/requests/r-one", 200, LiaisonJson.removalOrderWithQuestion("r-one", "c-1")
                .replace("\"overlaps\":[]", """
                        "overlaps":[{"subject":"https://video.example.com/v/123","sameAuthority":false,
                                     "detectedAt":"2026-11-30T09:05:00Z"},
                                    {"subject":"https://video.example.com/v/123","otherType":"REFERRAL",
                                     "otherAuthorityCountry":"DE","sameAuthority":true,"otherRequestId":"r-two",
                                     "detectedAt":"2026-11-30T09:06:00Z"}]"""));
        API.on("GET", "/api/v1/requests/r-one/history", 200, "[]");
        mvc.perform(get("/liaison/requests/r-one").with(liaison()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("a request of another authority names it too"),
                        containsString("also from your authority"),
                        containsString("href=\"/liaison/requests/r-two\""),
                        not(containsString("authority of null")))));
    }

    @Test
    void answeredRequestShowsTheCompanysResponseAndNoWithdrawal() throws Exception {
        API.on("GET", "/api/v1/requests/r-done", 200, LiaisonJson.answeredInformationRequest("r-done"));
        API.on("GET", "/api/v1/requests/r-done/history", 503, "{}");
        mvc.perform(get("/liaison/requests/r-done").with(liaison()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(">Fulfilled</span>"),
                        containsString("Subscriber record delivered."),
                        containsString("<dd>3</dd>"),
                        containsString("ab".repeat(32)),
                        containsString("in time"),
                        containsString("In force until"),
                        // the history's service did not answer: the rest of the page is there
                        containsString("The requests cannot be reached right now"),
                        not(containsString("id=\"withdraw\"")))));
    }

    @Test
    void aRequestTheLiaisonMayNotSeeIsAPageThatDoesNotExist() throws Exception {
        API.on("GET", "/api/v1/requests/r-other", 404, "{\"title\":\"Not Found\",\"status\":404}");
        API.on("GET", "/api/v1/requests/r-other/history", 404, "{\"title\":\"Not Found\",\"status\":404}");
        mvc.perform(get("/liaison/requests/r-other").with(liaison())).andExpect(status().isNotFound());
        mvc.perform(post("/liaison/requests/r-other/withdrawal").with(liaison()).with(csrf()).param("confirmed", "true"))
                .andExpect(status().isNotFound());
    }

    @Test
    void answeringAClarificationSendsTheAnswerAndComesBackToTheRequest() throws Exception {
        API.on("POST", "/api/v1/requests/r-one/clarifications/c-1/answer", 200, LiaisonJson.removalOrderWithQuestion("r-one", "c-1"));
        mvc.perform(post("/liaison/requests/r-one/clarifications/c-1/answer").with(liaison()).with(csrf())
                        .param("answer", "The upload of 10:02."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/liaison/requests/r-one?done=answered#clarifications"));
        JsonNode sent = json.readTree(API.calls("POST", "/api/v1/requests/r-one/clarifications/c-1/answer").getFirst().body());
        assertThat(sent.path("answer").asString()).isEqualTo("The upload of 10:02.");
    }

    @Test
    void aRefusedAnswerIsShownBesideTheAnswerField() throws Exception {
        API.on("GET", "/api/v1/requests/r-one", 200, LiaisonJson.removalOrderWithQuestion("r-one", "c-1"));
        API.on("GET", "/api/v1/requests/r-one/history", 200, "[]");
        API.on("POST", "/api/v1/requests/r-one/clarifications/c-1/answer", 422, """
                {"title":"Unprocessable Content","status":422,"detail":"The request has invalid fields",
                 "errors":[{"field":"answer","message":"must not be blank"}]}""");
        mvc.perform(post("/liaison/requests/r-one/clarifications/c-1/answer").with(liaison()).with(csrf())
                        .param("answer", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"f-answer-error\">must not be blank"),
                        containsString("aria-describedby=\"f-answer-hint f-answer-error\""))));
    }

    @Test
    void withdrawingAsksFirstThenWithdraws() throws Exception {
        API.on("GET", "/api/v1/requests/r-one", 200, LiaisonJson.removalOrderWithQuestion("r-one", "c-1"));
        API.on("GET", "/api/v1/requests/r-one/history", 200, "[]");
        mvc.perform(post("/liaison/requests/r-one/withdrawal").with(liaison()).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Withdraw this request? This cannot be undone."),
                        containsString("name=\"confirmed\" value=\"true\""), containsString("id=\"withdraw-confirm-button\""),
                        containsString("id=\"withdraw-cancel\""))));
        assertThat(API.calls("POST", "/api/v1/requests/r-one/withdrawal")).isEmpty();

        API.on("POST", "/api/v1/requests/r-one/withdrawal", 200, "{\"id\":\"r-one\",\"state\":\"WITHDRAWN\"}");
        mvc.perform(post("/liaison/requests/r-one/withdrawal").with(liaison()).with(csrf()).param("confirmed", "true"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/liaison/requests/r-one?done=withdrawn"));
        assertThat(API.calls("POST", "/api/v1/requests/r-one/withdrawal")).hasSize(1);
    }

    @Test
    void aWithdrawalTheLifecycleRefusesShowsTheApisMessage() throws Exception {
        API.on("GET", "/api/v1/requests/r-one", 200, LiaisonJson.removalOrderWithQuestion("r-one", "c-1"));
        API.on("GET", "/api/v1/requests/r-one/history", 200, "[]");
        API.on("POST", "/api/v1/requests/r-one/withdrawal", 409, """
                {"title":"Conflict","status":409,"detail":"Cannot withdraw a request that is FULFILLED (a final state)"}""");
        mvc.perform(post("/liaison/requests/r-one/withdrawal").with(liaison()).with(csrf()).param("confirmed", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"action-problem\""),
                        containsString("Cannot withdraw a request that is FULFILLED"))));
    }

    // ---- confirmations ----------------------------------------------------------------------

    @Test
    void confirmationsListTheEmergencyDisclosuresWaitingForASecondLiaison() throws Exception {
        API.on("GET", "/api/v1/requests", 200, LiaisonJson.page(null,
                LiaisonJson.headline("r-urgent", "EMERGENCY_DISCLOSURE", "AWAITING_CONFIRMATION", null, false)));
        mvc.perform(get("/liaison/confirmations").with(signedIn("liaison-de-2", AUTHORITY, "gov-liaison"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Emergency disclosures to confirm</h1>"),
                        containsString("Emergency disclosure to Streamly"),
                        containsString("action=\"/liaison/confirmations/r-urgent\""),
                        containsString("id=\"confirm-r-urgent\">Confirm this emergency disclosure</button>"))));
        assertThat(API.calls("GET", "/api/v1/requests").getFirst().query())
                .contains("state=AWAITING_CONFIRMATION", "type=EMERGENCY_DISCLOSURE");
    }

    @Test
    void confirmingSendsItOnAndTheSubmitterIsToldWhyNot() throws Exception {
        API.on("POST", "/api/v1/requests/r-urgent/confirmation", 200, "{\"id\":\"r-urgent\",\"state\":\"SUBMITTED\"}");
        mvc.perform(post("/liaison/confirmations/r-urgent").with(signedIn("liaison-de-2", AUTHORITY, "gov-liaison")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/liaison/requests/r-urgent?done=confirmed"));

        API.on("GET", "/api/v1/requests", 200, LiaisonJson.page(null,
                LiaisonJson.headline("r-mine", "EMERGENCY_DISCLOSURE", "AWAITING_CONFIRMATION", null, false)));
        API.on("POST", "/api/v1/requests/r-mine/confirmation", 403, """
                {"title":"Forbidden","status":403,"detail":"The liaison who submitted an emergency disclosure cannot confirm it"}""");
        mvc.perform(post("/liaison/confirmations/r-mine").with(liaison()).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("The confirmation was refused."),
                        containsString("The liaison who submitted an emergency disclosure cannot confirm it"))));
    }

    @Test
    void confirmationsStillRenderWhenTheRequestsAreDown() throws Exception {
        API.on("GET", "/api/v1/requests", 502, "{}");
        mvc.perform(get("/liaison/confirmations").with(liaison()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The requests cannot be reached right now")));
    }

    private static String idempotencyKey(String html) {
        Matcher m = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
