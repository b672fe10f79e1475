package org.parley.portal.reviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PortalTest
class ReviewerPagesIT extends PortalTest.Base {

    static final String STREAMLY = "01930000-0000-7000-8000-00000000c001";
    static final String N1 = "01930000-0000-7000-8000-0000000e0001";
    static final String INCITEMENT = "01930000-0000-7000-8000-0000000f0001";
    static final String TERRORIST = "01930000-0000-7000-8000-0000000f0002";
    static final String FRAMEWORK = "01930000-0000-7000-8000-000000000f01";
    static final String C1 = "01930000-0000-7000-8000-0000000c1001";
    static final String C2 = "01930000-0000-7000-8000-0000000c1002";
    static final String C3 = "01930000-0000-7000-8000-0000000c1003";

    @Autowired
    JsonMapper json;


    private RequestPostProcessor reviewer() {
        return signedIn("reviewer", null, "reviewer");
    }

    static String appeal(String id, boolean rabat, String taken, String actions) {
        return """
                {"id":"%s","noticeId":"%s","noticeReference":"N-7K3P-QX2M","companyId":"%s","state":"ESCALATED",
                 "statement":"Das Video dokumentiert den Angriff, es ruft nicht dazu auf.","language":"de",
                 "filedAt":"2026-11-22T09:00:00Z","dueAt":"2026-12-06T09:00:00Z","decisionDays":14,"overdue":false,
                 "rabatTestRequired":%s,"reviewer":{"subject":"s-2","username":"responder-streamly-2","human":true},
                 "assignedAt":"2026-11-22T10:00:00Z",
                 "decision":{"outcome":"UPHELD","reasoning":"The video calls for an attack.","rabat":null,
                  "decidedAt":"2026-11-25T09:00:00Z","decidedBy":"responder-streamly-2","inTime":true},
                 "escalation":{"reason":"It documents the attack as news.","escalatedAt":"2026-11-26T09:00:00Z",
                  "reviewer":%s,"takenAt":%s},
                 "independentDecision":null,"actions":[%s],"version":4}
                """.formatted(id, N1, STREAMLY, rabat,
                taken == null ? "null" : "{\"subject\":\"s-9\",\"username\":\"" + taken + "\",\"human\":true}",
                taken == null ? "null" : "\"2026-11-27T09:00:00Z\"", actions);
    }

    static final String NOTICE = """
            {"id":"%s","reference":"N-7K3P-QX2M","companyId":"%s","companyName":"Streamly Video",
             "contentRef":"https://video.example.com/v/123","accountRef":"user-8841","restriction":"REMOVED",
             "territorialScope":["DE"],"ground":"ILLEGAL_CONTENT","legalReference":"StGB §130","termsReference":null,
             "category":"INCITEMENT_TO_VIOLENCE","categoryName":"Incitement to violence","rabatTestRequired":true,
             "facts":"Das Video ruft zum Angriff auf.","automatedDetection":true,"automatedDecision":false,
             "decidedAt":"2026-11-20T10:00:00Z","language":"de","requestId":null,
             "order":{"authority":"Bundeskriminalamt","authorityCountry":"DE","type":"REMOVAL_ORDER",
              "legalBasis":{"instrument":"Regulation (EU) 2021/784","provision":"Art. 3","jurisdiction":"EU"}},
             "complete":true,"appealUntil":"2027-05-20T10:00:00Z","claimed":true,"standardsVersion":1}
            """.formatted(N1, STREAMLY);

    // ---- escalated appeals ------------------------------------------------------------------------

    @Test
    void theQueueListsEscalatedAppealsNobodysFirst() throws Exception {
        API.on("GET", "/api/v1/appeals", 200, "{\"items\":[" + appeal(TERRORIST, false, "reviewer-2", "") + ","
                + appeal(INCITEMENT, true, null, "\"TAKE_ESCALATION\"") + "],\"nextPageToken\":null}");
        String page = mvc.perform(get("/reviewer").with(reviewer()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Escalated appeals</h1>").contains("Nobody yet").contains("reviewer-2")
                .contains("Rabat test");
        assertThat(page.indexOf("/reviewer/appeals/" + INCITEMENT)).isLessThan(page.indexOf("/reviewer/appeals/" + TERRORIST));
        assertThat(API.calls("GET", "/api/v1/appeals")).anyMatch(c -> c.query().startsWith("state=ESCALATED"));
    }

    @Test
    void anotherRoleGetsNoReviewerPage() throws Exception {
        mvc.perform(get("/reviewer").with(signedIn("appellant-1", null, "appellant"))).andExpect(status().isNotFound());
        mvc.perform(get("/reviewer/commitments").with(signedIn("responder-streamly-1", STREAMLY, "company-responder")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEscalatedAppealShowsTheNoticeTheStatementAndTheCompanysDecisionAndCanBeTaken() throws Exception {
        API.on("GET", "/api/v1/appeals/" + INCITEMENT, 200, appeal(INCITEMENT, true, null, "\"TAKE_ESCALATION\""));
        API.on("GET", "/api/v1/notices/" + N1, 200, NOTICE);
        String page = mvc.perform(get("/reviewer/appeals/" + INCITEMENT).with(reviewer()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Streamly Video").contains("Bundeskriminalamt")
                .contains("lang=\"de\">Das Video dokumentiert den Angriff, es ruft nicht dazu auf.</blockquote>")
                .contains("It documents the attack as news.")
                .contains("The company's decision").contains("The video calls for an attack.")
                .contains("id=\"take-form\"");
        assertThat(page).doesNotContain("id=\"decide-form\"");

        API.on("POST", "/api/v1/appeals/" + INCITEMENT + "/independent-review", 200,
                appeal(INCITEMENT, true, "reviewer", "\"DECIDE_INDEPENDENTLY\""));
        mvc.perform(post("/reviewer/appeals/" + INCITEMENT + "/independent-review").with(reviewer()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/reviewer/appeals/" + INCITEMENT))
                .andExpect(flash().attribute("done", "taken"));
        assertThat(API.calls("POST", "/api/v1/appeals/" + INCITEMENT + "/independent-review")).hasSize(1);
    }

    @Test
    void takingOneAnotherReviewerTookShowsTheApisAnswer() throws Exception {
        API.on("GET", "/api/v1/appeals/" + INCITEMENT, 200, appeal(INCITEMENT, true, null, "\"TAKE_ESCALATION\""));
        API.on("POST", "/api/v1/appeals/" + INCITEMENT + "/independent-review", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"An independent reviewer (reviewer-2) reviews this escalation already\"}");
        mvc.perform(post("/reviewer/appeals/" + INCITEMENT + "/independent-review").with(reviewer()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("id=\"take-problem\"")))
                .andExpect(content().string(containsString("reviews this escalation already")));
    }

    @Test
    void theIndependentDecisionOfAnIncitementCategoryAsksTheSixRabatQuestions() throws Exception {
        API.on("GET", "/api/v1/appeals/" + INCITEMENT, 200, appeal(INCITEMENT, true, "reviewer", "\"DECIDE_INDEPENDENTLY\""));
        API.on("GET", "/api/v1/notices/" + N1, 200, NOTICE);
        String page = mvc.perform(get("/reviewer/appeals/" + INCITEMENT).with(reviewer()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"decide-form\"").contains("action=\"/reviewer/appeals/" + INCITEMENT + "/independent-decision\"")
                .contains("<fieldset class=\"rabat\"");
        for (String part : new String[] {"context", "speaker", "intent", "contentAndForm", "extent", "likelihood"}) {
            assertThat(page).contains("name=\"rabat." + part + "\"");
        }
    }

    @Test
    void anotherCategoryIsDecidedWithoutTheRabatQuestions() throws Exception {
        API.on("GET", "/api/v1/appeals/" + TERRORIST, 200, appeal(TERRORIST, false, "reviewer", "\"DECIDE_INDEPENDENTLY\""));
        mvc.perform(get("/reviewer/appeals/" + TERRORIST).with(reviewer()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"decide-form\"")))
                .andExpect(content().string(not(containsString("name=\"rabat.context\""))));
    }

    @Test
    void decidingSendsOutcomeReasoningAndTheSixParts() throws Exception {
        API.on("POST", "/api/v1/appeals/" + INCITEMENT + "/independent-decision", 200, appeal(INCITEMENT, true, "reviewer", ""));
        var request = post("/reviewer/appeals/" + INCITEMENT + "/independent-decision").with(reviewer()).with(csrf())
                .param("outcome", "REVERSED").param("reasoning", "News reporting on an attack.");
        for (String part : new String[] {"context", "speaker", "intent", "contentAndForm", "extent", "likelihood"}) {
            request.param("rabat." + part, "About the " + part);
        }
        mvc.perform(request).andExpect(status().isFound()).andExpect(redirectedUrl("/reviewer/appeals/" + INCITEMENT))
                .andExpect(flash().attribute("done", "decided"));
        JsonNode body = json.readTree(API.calls("POST", "/api/v1/appeals/" + INCITEMENT + "/independent-decision")
                .getFirst().body());
        assertThat(body.path("outcome").asString()).isEqualTo("REVERSED");
        assertThat(body.path("reasoning").asString()).isEqualTo("News reporting on an attack.");
        assertThat(body.path("rabat").path("intent").asString()).isEqualTo("About the intent");
    }

    @Test
    void aRefusedDecisionKeepsWhatWasTypedAndNamesTheMissingPart() throws Exception {
        API.on("GET", "/api/v1/appeals/" + INCITEMENT, 200, appeal(INCITEMENT, true, "reviewer", "\"DECIDE_INDEPENDENTLY\""));
        API.on("POST", "/api/v1/appeals/" + INCITEMENT + "/independent-decision", 422, """
                {"title":"Unprocessable Content","status":422,"detail":"The request has invalid fields",
                 "errors":[{"field":"rabat.likelihood","message":"must not be blank"}]}
                """);
        mvc.perform(post("/reviewer/appeals/" + INCITEMENT + "/independent-decision").with(reviewer()).with(csrf())
                        .param("outcome", "UPHELD").param("reasoning", "Calls for violence.").param("rabat.context", "A tense week")
                        .param("rabat.likelihood", ""))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"f-rabat-likelihood-error\"")))
                .andExpect(content().string(containsString("href=\"#f-rabat-likelihood\"")))
                .andExpect(content().string(containsString(">A tense week</textarea>")))
                .andExpect(content().string(containsString("<option value=\"UPHELD\" selected>")));
    }

    @Test
    void anAppealTheApiDoesNotShowIsAPageThatDoesNotExist() throws Exception {
        mvc.perform(get("/reviewer/appeals/" + INCITEMENT).with(reviewer())).andExpect(status().isNotFound());
        mvc.perform(get("/reviewer/appeals/x!y").with(reviewer())).andExpect(status().isNotFound());
    }

    // ---- commitments ------------------------------------------------------------------------------

    static String commitment(String id, String status, String latest) {
        return """
                {"id":"%s","stakeholder":{"id":"%s","name":"%s","kind":"COMPANY"},
                 "framework":{"id":"%s","name":"Christchurch Call","sourceUrl":null},
                 "clause":{"number":"C-%s","text":"Enforce terms of service consistently."},"status":"%s",
                 "targetDate":"2027-06-30","indicator":null,"latestAssessment":%s,"createdAt":"2026-10-01T09:00:00Z",
                 "updatedAt":"2026-10-01T09:00:00Z","version":1}
                """.formatted(id, STREAMLY, "Company " + id.substring(id.length() - 1), FRAMEWORK, id.substring(id.length() - 1),
                status, latest == null ? "null" : """
                {"id":"a-1","rating":"PARTIALLY_MEETS","findings":"Some progress.","assessor":"reviewer",
                 "assessedAt":"%s"}
                """.formatted(latest));
    }

    @Test
    void commitmentsToAssessAreTheStandingOnesNeverAssessedFirst() throws Exception {
        API.on("GET", "/api/v1/frameworks", 200, "{\"items\":[{\"id\":\"" + FRAMEWORK + "\",\"name\":\"Christchurch Call\"}]}");
        API.on("GET", "/api/v1/frameworks/" + FRAMEWORK + "/commitments", 200, "{\"items\":["
                + commitment(C1, "IN_PROGRESS", "2026-11-01T09:00:00Z") + "," + commitment(C2, "PLEDGED", null) + ","
                + commitment(C3, "WITHDRAWN", null) + "],\"counts\":{}}");
        String page = mvc.perform(get("/reviewer/commitments").with(reviewer()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Commitments to assess</h1>").contains("Never assessed").contains("Partly meets");
        assertThat(page.indexOf("/reviewer/commitments/" + C2)).isLessThan(page.indexOf("/reviewer/commitments/" + C1));
        assertThat(page).doesNotContain("/reviewer/commitments/" + C3);
    }

    @Test
    void anAssessmentIsSentOnceWithItsRatingAndFindings() throws Exception {
        API.on("GET", "/api/v1/commitments/" + C1, 200, commitment(C1, "IN_PROGRESS", "2026-11-01T09:00:00Z"));
        mvc.perform(get("/reviewer/commitments/" + C1).with(reviewer()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enforce terms of service consistently.")))
                .andExpect(content().string(containsString("id=\"assess-form\"")))
                .andExpect(content().string(containsString("name=\"idempotencyKey\"")));
        API.on("POST", "/api/v1/commitments/" + C1 + "/assessments", 201,
                "{\"id\":\"a-2\",\"rating\":\"MEETS\",\"findings\":\"Done.\"}");
        mvc.perform(post("/reviewer/commitments/" + C1 + "/assessments").with(reviewer()).with(csrf())
                        .param("rating", "MEETS").param("findings", "Audited the enforcement logs.").param("idempotencyKey", "k-9"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/reviewer/commitments/" + C1))
                .andExpect(flash().attribute("done", "assessed"));
        StubApi.Call call = API.calls("POST", "/api/v1/commitments/" + C1 + "/assessments").getFirst();
        JsonNode body = json.readTree(call.body());
        assertThat(body.path("rating").asString()).isEqualTo("MEETS");
        assertThat(body.path("findings").asString()).isEqualTo("Audited the enforcement logs.");
        assertThat(call.header("Idempotency-Key")).isEqualTo("k-9");
    }

    @Test
    void aRefusedAssessmentIsShownBesideTheField() throws Exception {
        API.on("GET", "/api/v1/commitments/" + C1, 200, commitment(C1, "IN_PROGRESS", null));
        API.on("POST", "/api/v1/commitments/" + C1 + "/assessments", 422, """
                {"title":"Unprocessable Content","status":422,"detail":"The request has invalid fields",
                 "errors":[{"field":"findings","message":"must not be blank"}]}
                """);
        mvc.perform(post("/reviewer/commitments/" + C1 + "/assessments").with(reviewer()).with(csrf())
                        .param("rating", "MEETS").param("findings", ""))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"f-findings-error\"")))
                .andExpect(content().string(containsString("<option value=\"MEETS\" selected>")));
        mvc.perform(get("/reviewer/commitments/not-an-id").with(reviewer())).andExpect(status().isNotFound());
    }
}
