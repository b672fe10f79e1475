package org.parley.portal.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.parley.portal.notices.Fixtures.STREAMLY;
import static org.parley.portal.notices.Fixtures.appeal;
import static org.parley.portal.notices.Fixtures.listing;
import static org.parley.portal.notices.Fixtures.notice;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PortalTest
class AppealsPagesIT extends PortalTest.Base {

    static final String N1 = "01930000-0000-7000-8000-0000000c0001";
    static final String N2 = "01930000-0000-7000-8000-0000000c0002";
    static final String OPEN_LATE = "01930000-0000-7000-8000-0000000d0001";
    static final String OPEN_LATER = "01930000-0000-7000-8000-0000000d0002";
    static final String DECIDED = "01930000-0000-7000-8000-0000000d0003";

    @Autowired
    JsonMapper json;


    private RequestPostProcessor responder2() {
        return signedIn("responder-streamly-2", STREAMLY, "company-responder");
    }

    @Test
    void queueShowsOpenAppealsFirstSoonestDueWithOverdueMarkedInWords() throws Exception {
        String past = Instant.now().minus(2, ChronoUnit.HOURS).toString();
        String future = Instant.now().plus(10, ChronoUnit.DAYS).toString();
        API.on("GET", "/api/v1/appeals", 200, listing(
                appeal(DECIDED, N2, "N-DCDD-0003", "DECIDED", past, false, false, "responder-streamly-2", ""),
                appeal(OPEN_LATER, N2, "N-LATR-0002", "FILED", future, false, false, null, "\"ASSIGN\""),
                appeal(OPEN_LATE, N1, "N-LATE-0001", "IN_REVIEW", past, true, true, "responder-streamly-2",
                        "\"ASSIGN\",\"DECIDE\"")));

        String page = mvc.perform(get("/company/appeals").with(responder2()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Appeals</h1>", "<span class=\"badge overdue\">Overdue</span>", "overdue by",
                "2 waiting for a decision, 1 of them overdue.", "<th scope=\"col\">Decision due</th>");
        assertThat(page.indexOf("N-LATE-0001")).isLessThan(page.indexOf("N-LATR-0002"));
        assertThat(page.indexOf("N-LATR-0002")).isLessThan(page.indexOf("N-DCDD-0003"));
    }

    @Test
    void anAppealInAnIncitementCategoryAsksTheSixRabatQuestions() throws Exception {
        API.on("GET", "/api/v1/appeals/" + OPEN_LATE, 200, appeal(OPEN_LATE, N1, "N-LATE-0001", "IN_REVIEW",
                "2026-12-06T09:00:00Z", false, true, "responder-streamly-2", "\"ASSIGN\",\"DECIDE\""));
        API.on("GET", "/api/v1/notices/" + N1, 200, notice(N1, "N-LATE-0001", "INCITEMENT_TO_VIOLENCE", true,
                "2026-11-20T10:05:00Z", OPEN_LATE, "null"));
        API.on("GET", "/api/v1/appeals/" + OPEN_LATE + "/history", 200, """
                [{"id":"h1","occurredAt":"2026-11-22T09:00:00Z","action":"APPEAL_FILED","beforeState":null,
                  "afterState":"FILED","actorRoles":"appellant","actor":"appellant-1","chainPosition":4}]""");

        String page = mvc.perform(get("/company/appeals/" + OPEN_LATE).with(responder2()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Appeal against statement of reasons N-LATE-0001</h1>",
                "id=\"appeal-state\"", "In review", "Written in German",
                "<blockquote class=\"statement free-text\" lang=\"de\">Das Video dokumentiert",
                "The video calls on viewers", "responder-streamly-1",
                ">Assign</button>", ">Record the decision</button>", "id=\"f-outcome\"", "id=\"f-reasoning\"",
                "Filed by the user");
        for (String part : new String[] {"context", "speaker", "intent", "contentAndForm", "extent", "likelihood"}) {
            assertThat(page).contains("<textarea id=\"f-rabat-" + part + "\" name=\"rabat." + part + "\" required",
                    "id=\"f-rabat-" + part + "-hint\"");
        }
    }

    @Test
    void anAppealInAnotherCategoryDecidesWithoutTheRabatQuestions() throws Exception {
        API.on("GET", "/api/v1/appeals/" + OPEN_LATER, 200, appeal(OPEN_LATER, N2, "N-LATR-0002", "IN_REVIEW",
                "2026-12-06T09:00:00Z", false, false, "responder-streamly-2", "\"ASSIGN\",\"DECIDE\""));
        API.on("GET", "/api/v1/notices/" + N2, 503, "{}");
        String page = mvc.perform(get("/company/appeals/" + OPEN_LATER).with(responder2()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">Record the decision</button>", "The notices and appeals cannot be reached right now")
                .doesNotContain("f-rabat-context");
    }

    @Test
    void someoneElsesAppealInReviewSaysWhoDecides() throws Exception {
        API.on("GET", "/api/v1/appeals/" + OPEN_LATER, 200, appeal(OPEN_LATER, N2, "N-LATR-0002", "IN_REVIEW",
                "2026-12-06T09:00:00Z", false, true, "responder-streamly-2", "\"ASSIGN\""));
        mvc.perform(get("/company/appeals/" + OPEN_LATER).with(signedIn("responder-streamly-1", STREAMLY, "company-responder"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Only the assigned reviewer, responder-streamly-2, can decide")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Record the decision</button>"))));
    }

    @Test
    void assigningTheOriginalDeciderShowsTheApisRefusal() throws Exception {
        API.on("GET", "/api/v1/appeals/" + OPEN_LATER, 200, appeal(OPEN_LATER, N2, "N-LATR-0002", "FILED",
                "2026-12-06T09:00:00Z", false, false, null, "\"ASSIGN\""));
        API.on("POST", "/api/v1/appeals/" + OPEN_LATER + "/assignment", 422, Fixtures.problem(422,
                "responder-streamly-1 took the original decision and cannot review the appeal against it; assign another responder of the company",
                "reviewer", "took the original decision; another person must review the appeal"));

        mvc.perform(post("/company/appeals/" + OPEN_LATER + "/assignment").with(signedIn("responder-streamly-1", STREAMLY,
                        "company-responder")).with(csrf()).param("reviewer", "responder-streamly-1").header("Accept-Language", "en"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("responder-streamly-1 took the original decision")))
                .andExpect(content().string(containsString("id=\"f-reviewer-error\"")))
                .andExpect(content().string(containsString("value=\"responder-streamly-1\"")));
        JsonNode body = json.readTree(API.calls("POST", "/api/v1/appeals/" + OPEN_LATER + "/assignment").getFirst().body());
        assertThat(body.path("reviewer").asString()).isEqualTo("responder-streamly-1");
    }

    @Test
    void assigningAnotherResponderGoesBackToTheAppeal() throws Exception {
        API.on("POST", "/api/v1/appeals/" + OPEN_LATER + "/assignment", 200, appeal(OPEN_LATER, N2, "N-LATR-0002",
                "IN_REVIEW", "2026-12-06T09:00:00Z", false, false, "responder-streamly-2", "\"ASSIGN\",\"DECIDE\""));
        mvc.perform(post("/company/appeals/" + OPEN_LATER + "/assignment").with(responder2()).with(csrf())
                        .param("reviewer", "responder-streamly-2"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/company/appeals/" + OPEN_LATER));
    }

    @Test
    void decidingSendsTheOutcomeReasoningAndTheSixParts() throws Exception {
        API.on("POST", "/api/v1/appeals/" + OPEN_LATE + "/decision", 200, appeal(OPEN_LATE, N1, "N-LATE-0001",
                "DECIDED", "2026-12-06T09:00:00Z", false, true, "responder-streamly-2", ""));
        var request = post("/company/appeals/" + OPEN_LATE + "/decision").with(responder2()).with(csrf())
                .param("outcome", "REVERSED").param("reasoning", "The video documents the attack for the news.");
        for (String part : new String[] {"context", "speaker", "intent", "contentAndForm", "extent", "likelihood"}) {
            request.param("rabat." + part, "About the " + part);
        }
        mvc.perform(request).andExpect(status().isFound()).andExpect(redirectedUrl("/company/appeals/" + OPEN_LATE));
        JsonNode body = json.readTree(API.calls("POST", "/api/v1/appeals/" + OPEN_LATE + "/decision").getFirst().body());
        assertThat(body.path("outcome").asString()).isEqualTo("REVERSED");
        assertThat(body.path("reasoning").asString()).isEqualTo("The video documents the attack for the news.");
        assertThat(body.path("rabat").path("contentAndForm").asString()).isEqualTo("About the contentAndForm");
        assertThat(body.path("rabat").path("likelihood").asString()).isEqualTo("About the likelihood");
    }

    @Test
    void aRefusedDecisionNamesTheMissingParts() throws Exception {
        API.on("GET", "/api/v1/appeals/" + OPEN_LATE, 200, appeal(OPEN_LATE, N1, "N-LATE-0001", "IN_REVIEW",
                "2026-12-06T09:00:00Z", false, true, "responder-streamly-2", "\"ASSIGN\",\"DECIDE\""));
        API.on("POST", "/api/v1/appeals/" + OPEN_LATE + "/decision", 422, Fixtures.problem(422, "The decision has broken fields",
                "reasoning", "must be at least 20 characters", "rabat.intent", "must not be blank"));
        mvc.perform(post("/company/appeals/" + OPEN_LATE + "/decision").with(responder2()).with(csrf())
                        .param("outcome", "UPHELD").param("reasoning", "Too short").param("rabat.context", "A tense week")
                        .param("rabat.intent", "").header("Accept-Language", "en"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"f-rabat-intent-error\"")))
                .andExpect(content().string(containsString(">A tense week</textarea>")))
                .andExpect(content().string(containsString("<option value=\"UPHELD\" selected>")))
                .andExpect(content().string(containsString("href=\"#f-reasoning\"")));
    }

    @Test
    void anAppealOfAnotherCompanyIsAPageThatDoesNotExist() throws Exception {
        mvc.perform(get("/company/appeals/01930000-0000-7000-8000-0000000d0099")
                        .with(signedIn("responder-chirp", "01930000-0000-7000-8000-00000000c002", "company-responder")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/company/appeals/not-an-id!").with(responder2())).andExpect(status().isNotFound());
    }

    @Test
    void queueSaysSoWhenAppealsCannotBeReached() throws Exception {
        API.on("GET", "/api/v1/appeals", 503, "{}");
        mvc.perform(get("/company/appeals").with(responder2()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The notices and appeals cannot be reached right now")));
        assertThat(API.calls()).extracting(StubApi.Call::path).contains("/api/v1/appeals");
    }
}
