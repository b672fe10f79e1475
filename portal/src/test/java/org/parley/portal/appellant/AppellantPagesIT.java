package org.parley.portal.appellant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.parley.portal.appellant.AppellantJson.DISCLOSED;
import static org.parley.portal.appellant.AppellantJson.GAGGED;
import static org.parley.portal.appellant.AppellantJson.STANDARDS;
import static org.parley.portal.appellant.AppellantJson.appeal;
import static org.parley.portal.appellant.AppellantJson.decision;
import static org.parley.portal.appellant.AppellantJson.listing;
import static org.parley.portal.appellant.AppellantJson.notice;
import static org.parley.portal.appellant.AppellantJson.problem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PortalTest
class AppellantPagesIT extends PortalTest.Base {

    static final String N1 = "01930000-0000-7000-8000-0000000e0001";
    static final String N2 = "01930000-0000-7000-8000-0000000e0002";
    static final String A1 = "01930000-0000-7000-8000-0000000f0001";
    static final String OTHERS = "01930000-0000-7000-8000-0000000e0099";

    @Autowired
    JsonMapper json;


    private RequestPostProcessor appellant() {
        return signedIn("appellant-1", null, "appellant");
    }

    // ---- the start page ---------------------------------------------------------------------------

    @Test
    void startPageListsTheirNoticesWithTheAppealStateAndOffersTheClaimForm() throws Exception {
        API.on("GET", "/api/v1/notices", 200, listing(notice(N1, "N-7K3P-QX2M", "TERRORIST_CONTENT", DISCLOSED, false, A1),
                notice(N2, "N-2222-BBBB", "TERRORIST_CONTENT", "null", true, null)));
        API.on("GET", "/api/v1/appeals", 200, listing(appeal(A1, N1, "IN_REVIEW", "null", "null", "null", "")));
        mvc.perform(get("/my").with(appellant()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"/my/notices/" + N1 + "\">N-7K3P-QX2M</a>")))
                .andExpect(content().string(containsString("Being reviewed by a person")))
                .andExpect(content().string(containsString("The service must decide by")))
                .andExpect(content().string(containsString("<a href=\"/my/notices/" + N2 + "#appeal-title\">You can still appeal</a>")))
                .andExpect(content().string(containsString("id=\"claim-form\"")))
                .andExpect(content().string(containsString("name=\"idempotencyKey\"")))
                .andExpect(content().string(containsString("Blocked in some countries")));
        assertThat(API.calls("GET", "/api/v1/notices").getFirst().header("Authorization")).isEqualTo("Bearer access-token");
    }

    @Test
    void startPageIsInTheChosenLanguage() throws Exception {
        API.on("GET", "/api/v1/notices", 200, listing());
        API.on("GET", "/api/v1/appeals", 200, listing());
        mvc.perform(get("/my").with(appellant()).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vos avis et vos recours")))
                .andExpect(content().string(containsString("Vous n’avez encore aucun avis.")));
        assertThat(API.calls("GET", "/api/v1/notices").getFirst().header("Accept-Language")).isEqualTo("fr");
    }

    @Test
    void anotherRolesDeskAndVisitorsDoNotGetThePage() throws Exception {
        mvc.perform(get("/my").with(signedIn("responder-streamly-1", AppellantJson.STREAMLY, "company-responder")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/my")).andExpect(status().is3xxRedirection());
    }

    // ---- claiming ---------------------------------------------------------------------------------

    @Test
    void aClaimSendsReferenceAndCodeOnceAndOpensTheNotice() throws Exception {
        API.on("POST", "/api/v1/notices/claims", 201, notice(N1, "N-7K3P-QX2M", "TERRORIST_CONTENT", DISCLOSED, true, null));
        mvc.perform(post("/my/claims").with(appellant()).with(csrf())
                        .param("reference", " N-7K3P-QX2M ").param("accessCode", "K7M2-P9QX").param("idempotencyKey", "key-1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/my/notices/" + N1))
                .andExpect(flash().attribute("done", "claimed"));
        StubApi.Call call = API.calls("POST", "/api/v1/notices/claims").getFirst();
        JsonNode body = json.readTree(call.body());
        assertThat(body.path("reference").asString()).isEqualTo("N-7K3P-QX2M");
        assertThat(body.path("accessCode").asString()).isEqualTo("K7M2-P9QX");
        assertThat(call.header("Idempotency-Key")).isEqualTo("key-1");
    }

    @Test
    void aWrongCodeAndAnUnknownReferenceAnswerTheSameAndTheCodeIsNotDrawnAgain() throws Exception {
        API.on("GET", "/api/v1/notices", 200, listing());
        API.on("GET", "/api/v1/appeals", 200, listing());
        API.on("POST", "/api/v1/notices/claims", 404, problem(404, "notice not found: with this reference and access code"));
        for (String reference : new String[] {"N-7K3P-QX2M", "N-NONE-0000"}) {
            mvc.perform(post("/my/claims").with(appellant()).with(csrf()).header("Accept-Language", "en")
                            .param("reference", reference).param("accessCode", "WRONG-CODE"))
                    .andExpect(status().is(422))
                    .andExpect(content().string(containsString("No notice matches what you entered.")))
                    .andExpect(content().string(containsString("role=\"alert\"")))
                    .andExpect(content().string(containsString("id=\"f-accessCode-error\"")))
                    .andExpect(content().string(containsString("href=\"#f-accessCode\"")))
                    .andExpect(content().string(containsString("value=\"" + reference + "\"")))
                    .andExpect(content().string(not(containsString("WRONG-CODE"))))
                    .andExpect(content().string(not(containsString("with this reference and access code"))));
        }
    }

    @Test
    void theAttemptLimitSaysHowLongToWaitInThePagesLanguage() throws Exception {
        API.on("GET", "/api/v1/notices", 200, listing());
        API.on("GET", "/api/v1/appeals", 200, listing());
        API.on("POST", "/api/v1/notices/claims", new StubApi.Answer(429, "application/problem+json",
                "{\"type\":\"urn:parley:problem:claims-locked\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"reason\":\"CLAIMS_LOCKED\",\"retryAfterSeconds\":541}",
                Map.of("Retry-After", "541")));
        mvc.perform(post("/my/claims").with(appellant()).with(csrf()).header("Accept-Language", "en")
                        .param("reference", "N-7K3P-QX2M").param("accessCode", "WRONG"))
                .andExpect(status().is(429))
                .andExpect(header().string("Retry-After", "541"))
                .andExpect(content().string(containsString("id=\"claim-locked\"")))
                .andExpect(content().string(containsString("Too many attempts with a wrong reference or access code.")))
                .andExpect(content().string(containsString("Try again in 10 min, at")));
        mvc.perform(post("/my/claims").with(appellant()).with(csrf()).header("Accept-Language", "fr")
                        .param("reference", "N-7K3P-QX2M").param("accessCode", "WRONG"))
                .andExpect(status().is(429))
                .andExpect(content().string(containsString("Réessayez dans 10 min")));
    }

    @Test
    void aMissingFieldIsNamedBesideIt() throws Exception {
        API.on("GET", "/api/v1/notices", 200, listing());
        API.on("GET", "/api/v1/appeals", 200, listing());
        API.on("POST", "/api/v1/notices/claims", 422, problem(422, "The request has invalid fields",
                "accessCode", "must not be blank"));
        mvc.perform(post("/my/claims").with(appellant()).with(csrf()).param("reference", "N-7K3P-QX2M").param("accessCode", ""))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"f-accessCode-error\"")))
                .andExpect(content().string(containsString("href=\"#f-accessCode\"")))
                .andExpect(content().string(containsString("must not be blank")));
    }

    // ---- the notice -------------------------------------------------------------------------------

    @Test
    void theNoticeSaysWhatWhereWhyAndWhoOrderedItWithTheCompanysTextMarkedAsWritten() throws Exception {
        API.on("GET", "/api/v1/notices/" + N1, 200, notice(N1, "N-7K3P-QX2M", "TERRORIST_CONTENT", DISCLOSED, true, null));
        API.on("GET", "/api/v1/standards/active", 200, STANDARDS);
        String page = mvc.perform(get("/my/notices/" + N1).with(appellant()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Notice N-7K3P-QX2M</h1>")
                .contains("Blocked in some countries")
                .contains("Only in: Germany (DE), France (FR)")
                .contains("The service considers the content illegal.")
                .contains("<span class=\"company-text\" lang=\"de\">StGB §130</span>")
                .contains("Material that incites a terrorist offence.")
                .contains("News reporting on attacks")
                .contains("Written by Streamly Video, in German, and shown as written.")
                .contains("lang=\"de\">Das Video ruft dazu auf, die genannte Gruppe anzugreifen.</p>")
                .contains("The content was found by automated means.")
                .contains("The decision was taken by a person.")
                .contains("<dd id=\"order-authority\">Bundeskriminalamt</dd>")
                .contains("Germany (DE)")
                .contains("Removal order")
                .contains("Regulation (EU) 2021/784, Art. 3")
                .contains("Streamly Video blocked your video in Germany and France.")
                .contains("You can appeal until")
                .contains("id=\"appeal-form\"")
                .contains("<option value=\"en\" selected>");
        assertThat(page).doesNotContain("user-8841");
    }

    @Test
    void inFrenchParleysWordsAreFrenchAndTheCompanysStayAsWritten() throws Exception {
        API.on("GET", "/api/v1/notices/" + N1, 200, notice(N1, "N-7K3P-QX2M", "TERRORIST_CONTENT", DISCLOSED, true, null));
        API.on("GET", "/api/v1/standards/active", 200, STANDARDS);
        mvc.perform(get("/my/notices/" + N1).with(appellant()).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uniquement dans : Allemagne (DE), France (FR)")))
                .andExpect(content().string(containsString("Rédigé par Streamly Video, en allemand, et reproduit tel quel.")))
                .andExpect(content().string(containsString("Das Video ruft dazu auf")))
                .andExpect(content().string(containsString("Injonction de retrait")))
                .andExpect(content().string(containsString("<option value=\"fr\" selected>")));
        assertThat(API.calls("GET", "/api/v1/notices/" + N1).getFirst().header("Accept-Language")).isEqualTo("fr");
    }

    @Test
    void underAGagOrderOnlyTheConfidentialLineIsShown() throws Exception {
        API.on("GET", "/api/v1/notices/" + N1, 200, notice(N1, "N-7K3P-QX2M", "TERRORIST_CONTENT", GAGGED, true, null));
        API.on("GET", "/api/v1/standards/active", 200, STANDARDS);
        String page = mvc.perform(get("/my/notices/" + N1).with(appellant()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"order-confidential\"")
                .contains("A government order is behind this restriction. It is confidential until Mar 1, 2027");
        assertThat(page).doesNotContain("order-disclosed").doesNotContain("order-authority").doesNotContain("Legal basis")
                .doesNotContain("Removal order");
    }

    @Test
    void aNoticeWithoutAnOrderSaysTheServiceActedOnItsOwn() throws Exception {
        API.on("GET", "/api/v1/notices/" + N1, 200, notice(N1, "N-7K3P-QX2M", "TERRORIST_CONTENT", "null", false, null));
        mvc.perform(get("/my/notices/" + N1).with(appellant()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"order-none\"")))
                .andExpect(content().string(containsString("The description of this kind of content cannot be shown right now.")))
                .andExpect(content().string(not(containsString("id=\"appeal-form\""))));
    }

    @Test
    void anotherPersonsNoticeOrAppealIsAPageThatDoesNotExist() throws Exception {
        // the API answers 404 for what is not theirs, as the stub does for any path it was not told
        mvc.perform(get("/my/notices/" + OTHERS).with(appellant()).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<h1>")));
        mvc.perform(get("/my/appeals/" + OTHERS).with(appellant())).andExpect(status().isNotFound());
        mvc.perform(get("/my/notices/not-an-id!").with(appellant())).andExpect(status().isNotFound());
        mvc.perform(post("/my/appeals/" + OTHERS + "/escalation").with(appellant()).with(csrf()).param("reason", "x"))
                .andExpect(status().isNotFound());
    }

    // ---- appealing --------------------------------------------------------------------------------

    @Test
    void anAppealSendsStatementAndLanguageOnceAndOpensTheAppeal() throws Exception {
        API.on("POST", "/api/v1/appeals", 201, appeal(A1, N1, "FILED", "null", "null", "null", ""));
        mvc.perform(post("/my/notices/" + N1 + "/appeal").with(appellant()).with(csrf())
                        .param("statement", "Das Video dokumentiert den Angriff.").param("language", "de")
                        .param("idempotencyKey", "key-2"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/my/appeals/" + A1))
                .andExpect(flash().attribute("done", "filed"));
        StubApi.Call call = API.calls("POST", "/api/v1/appeals").getFirst();
        JsonNode body = json.readTree(call.body());
        assertThat(body.path("noticeId").asString()).isEqualTo(N1);
        assertThat(body.path("statement").asString()).isEqualTo("Das Video dokumentiert den Angriff.");
        assertThat(body.path("language").asString()).isEqualTo("de");
        assertThat(call.header("Idempotency-Key")).isEqualTo("key-2");
    }

    @Test
    void aRefusedAppealIsDrawnAgainWithTheMessageBesideTheStatement() throws Exception {
        API.on("GET", "/api/v1/notices/" + N1, 200, notice(N1, "N-7K3P-QX2M", "TERRORIST_CONTENT", DISCLOSED, true, null));
        API.on("POST", "/api/v1/appeals", 422, problem(422, "The request has invalid fields", "statement",
                "must not be blank"));
        mvc.perform(post("/my/notices/" + N1 + "/appeal").with(appellant()).with(csrf()).header("Accept-Language", "en")
                        .param("statement", " ").param("language", "de"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"f-statement-error\"")))
                .andExpect(content().string(containsString("href=\"#f-statement\"")))
                .andExpect(content().string(containsString("<option value=\"de\" selected>")));
    }

    @Test
    void theAppealShowsItsStateTheDecisionWithTheRabatAnswersAndOffersEscalationWhenUpheld() throws Exception {
        API.on("GET", "/api/v1/appeals/" + A1, 200, appeal(A1, N1, "DECIDED",
                decision("UPHELD", "The video calls for an attack.", true), "null", "null", "\"ESCALATE\""));
        API.on("GET", "/api/v1/notices/" + N1, 200, notice(N1, "N-7K3P-QX2M", "INCITEMENT_TO_VIOLENCE", DISCLOSED, false, A1));
        String page = mvc.perform(get("/my/appeals/" + A1).with(appellant()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Decided by the service")
                .contains("lang=\"de\">Das Video dokumentiert den Angriff, es ruft nicht dazu auf.</blockquote>")
                .contains("Written by you, in German.")
                .contains("The service's decision")
                .contains("The video calls for an attack.")
                .contains("A tense week after the attack")
                .contains("Low")
                .contains("id=\"escalate-form\"")
                .contains("If you disagree with the service's decision");
        assertThat(page).doesNotContain("The independent decision");
    }

    @Test
    void aFullReversalOffersNoEscalation() throws Exception {
        API.on("GET", "/api/v1/appeals/" + A1, 200, appeal(A1, N1, "DECIDED",
                decision("REVERSED", "The video documents the attack.", false), "null", "null", "\"ESCALATE\""));
        mvc.perform(get("/my/appeals/" + A1).with(appellant()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Reversed")))
                .andExpect(content().string(not(containsString("id=\"escalate-form\""))));
    }

    @Test
    void anOverdueAppealCanBeEscalatedAndTheReasonIsSent() throws Exception {
        API.on("GET", "/api/v1/appeals/" + A1, 200, appeal(A1, N1, "IN_REVIEW", "null", "null", "null", "\"ESCALATE\"")
                .replace("\"overdue\":false", "\"overdue\":true"));
        mvc.perform(get("/my/appeals/" + A1).with(appellant()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Late")))
                .andExpect(content().string(containsString("The service did not decide in time.")));
        API.on("POST", "/api/v1/appeals/" + A1 + "/escalation", 200, appeal(A1, N1, "ESCALATED", "null",
                "{\"reason\":\"No answer\",\"escalatedAt\":\"2026-12-07T09:00:00Z\"}", "null", ""));
        mvc.perform(post("/my/appeals/" + A1 + "/escalation").with(appellant()).with(csrf()).param("reason", "No answer in time."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/my/appeals/" + A1))
                .andExpect(flash().attribute("done", "escalated"));
        assertThat(json.readTree(API.calls("POST", "/api/v1/appeals/" + A1 + "/escalation").getFirst().body())
                .path("reason").asString()).isEqualTo("No answer in time.");
    }

    @Test
    void aRefusedEscalationIsShownBesideTheReason() throws Exception {
        API.on("GET", "/api/v1/appeals/" + A1, 200, appeal(A1, N1, "DECIDED",
                decision("UPHELD", "Upheld.", false), "null", "null", "\"ESCALATE\""));
        API.on("POST", "/api/v1/appeals/" + A1 + "/escalation", 422, problem(422, "The request has invalid fields",
                "reason", "must not be blank"));
        mvc.perform(post("/my/appeals/" + A1 + "/escalation").with(appellant()).with(csrf()).param("reason", ""))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"f-reason-error\"")));
    }

    @Test
    void theIndependentDecisionStandsBesideTheCompanys() throws Exception {
        API.on("GET", "/api/v1/appeals/" + A1, 200, appeal(A1, N1, "INDEPENDENTLY_DECIDED",
                decision("UPHELD", "The video calls for an attack.", false),
                "{\"reason\":\"It is news.\",\"escalatedAt\":\"2026-11-26T09:00:00Z\"}",
                decision("REVERSED", "The footage documents the attack as news.", false), ""));
        String page = mvc.perform(get("/my/appeals/" + A1).with(appellant()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Decided by an independent reviewer")
                .contains("class=\"decisions\"")
                .contains("The service's decision").contains("The video calls for an attack.")
                .contains("The independent decision").contains("The footage documents the attack as news.")
                .contains("You asked for an independent review on");
        assertThat(page.indexOf("id=\"decision\"")).isLessThan(page.indexOf("id=\"independent-decision\""));
        assertThat(page).doesNotContain("id=\"escalate-form\"");
    }
}
