package org.parley.portal.publicpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PortalTest
class PublicPagesIT extends PortalTest.Base {

    static final String STREAMLY = "01930000-0000-7000-8000-00000000c001";
    static final String GERMANY = "01930000-0000-7000-8000-00000000a001";
    static final String COMMITMENT = "01930000-0000-7000-8000-000000d10002";
    static final String UNKNOWN = "01930000-0000-7000-8000-0000000fffff";




    // ---- fixtures, in the services' shapes ------------------------------------------------------

    static String requestReport() {
        return """
                {"from":"2026-10-01","to":"2026-12-31","k":5,"groupBy":["TYPE"],
                 "totals":{"requests":"10","overdue":"0","answered":"6","medianHoursToAnswer":0.6,"p90HoursToAnswer":1.5},
                 "rows":[{"type":"REFERRAL","count":"<5","overdue":"0"},
                         {"type":"REMOVAL_ORDER","country":"DE","outcome":"FULFILLED","companyId":"%s","company":"Streamly <Video>",
                          "count":"9","overdue":"0","medianHoursToAnswer":0.6,"p90HoursToAnswer":1.5}],
                 "authorities":[{"authorityId":"%s","authority":"Germany: Federal Office for Online Safety","country":"DE",
                   "requests":"9","refused":"<5","challenged":"0","withdrawn":"0","shareChallenged":0.0,"shareWithdrawn":0.0},
                   {"authorityId":"01930000-0000-7000-8000-00000000a002","authority":"France: Directorate for Online Harms",
                   "country":"FR","requests":"<5","refused":"0","challenged":"0","withdrawn":"0"}]}
                """.formatted(STREAMLY, GERMANY);
    }

    static String appealReport() {
        return """
                {"from":"2026-01-01","to":"2027-01-01","k":5,"standardsVersion":1,"kFallback":false,"exact":false,
                 "note":"Days are UTC","notices":[{"company":"%s","companyName":"Streamly Video","ground":"ILLEGAL_CONTENT",
                   "category":"INCITEMENT_TO_VIOLENCE","automatedDetection":true,"automatedDecision":false,"count":"12"},
                   {"company":"%s","companyName":"Streamly Video","ground":"INCOMPATIBLE_WITH_TERMS",
                   "category":"NEW_CATEGORY","automatedDetection":false,"automatedDecision":false,"count":"<5"}],
                 "appeals":[{"company":"%s","companyName":"Streamly Video","filed":"8",
                   "decided":{"total":"6","upheld":"<5","reversed":"<5","partiallyReversed":"0"},"reversalRate":0.5,
                   "medianDaysToDecision":2.5,"decidedInTime":"6","due":"6","shareDecidedInTime":1.0,"overdue":"0",
                   "escalated":"<5","independentlyDecided":{"total":"0","upheld":"0","reversed":"0","partiallyReversed":"0"}}],
                 "total":{"filed":"8","decided":{"total":"6","upheld":"<5","reversed":"<5","partiallyReversed":"0"},
                   "reversalRate":0.5,"decidedInTime":"6","due":"6","overdue":"0","escalated":"<5",
                   "independentlyDecided":{"total":"0","upheld":"0","reversed":"0","partiallyReversed":"0"}}}
                """.formatted(STREAMLY, STREAMLY, STREAMLY);
    }

    static String stakeholder(String id, String kind, String name) {
        return """
                {"id":"%s","kind":"%s","name":"%s","country":"US","jurisdictions":["US","DE"],"status":"ACTIVE",
                 "createdAt":"2026-12-01T09:46:59Z","updatedAt":"2026-12-01T09:46:59Z","version":0,
                 "spheres":[{"id":"01930000-0000-7000-8000-00005e000006","area":"CONTENT_MODERATION",
                   "scope":"Video uploads and livestreams worldwide","createdAt":"2026-12-01T09:46:59Z"}],
                 "contactPoint":{"email":"lawenforcement@streamly.example","phone":"+1 415 000 0100",
                   "languages":["en","de"],"hours":"24/7","updatedAt":"2026-12-01T09:46:59Z"}}
                """.formatted(id, kind, name);
    }

    static String commitment(String id, String state, boolean detail) {
        String measurement = switch (state) {
            case "MEASURED" -> "\"state\":\"MEASURED\",\"measuredAs\":\"MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS\",\"value\":0.75,"
                    + "\"unit\":\"HOURS\",\"sampleSize\":\"20–49\",";
            default -> "\"state\":\"" + state + "\",\"measuredAs\":\"MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS\",\"unit\":\"HOURS\","
                    + "\"sampleSize\":\"0\",\"note\":\"No records to measure in the period\",";
        };
        String more = detail ? """
                ,"progressReports":[{"id":"r1","text":"Flagged streams are now reviewed within 10 minutes.",
                   "evidenceUrls":["https://streamly.example/report","javascript:alert(1)"],"reportedAt":"2026-05-01T09:00:00Z"}],
                 "assessments":[{"id":"a1","rating":"PARTIALLY_MEETS","findings":"Review is fast but not yet 24/7.",
                   "assessor":"reviewer","assessedAt":"2026-07-10T09:00:00Z"}]""" : "";
        return """
                {"id":"%s","stakeholder":{"id":"%s","name":"Streamly Video","kind":"COMPANY"},
                 "framework":{"id":"01930000-0000-7000-8000-000000f00001","name":"Christchurch Call","sourceUrl":"https://www.christchurchcall.org/"},
                 "clause":{"number":"OSP-4","text":"Reduce the risk that livestreaming is used to spread terrorist content."},
                 "status":"IN_PROGRESS","nextStatuses":["IMPLEMENTED","LAPSED","WITHDRAWN"],"targetDate":"2027-06-30",
                 "indicator":{"code":"MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS","targetValue":1.0,"targetUnit":"HOURS",
                   "measurement":{%s"period":{"from":"2025-12-01T10:02:35Z","to":"2026-12-01T10:02:35Z"}}},
                 "latestAssessment":{"id":"a1","rating":"PARTIALLY_MEETS","findings":"Review is fast but not yet 24/7.",
                   "assessor":"reviewer","assessedAt":"2026-07-10T09:00:00Z"},
                 "createdAt":"2026-02-01T09:00:00Z","updatedAt":"2026-05-01T09:00:00Z","version":0%s}
                """.formatted(id, STREAMLY, measurement, more);
    }

    static String standards(int version, boolean active) {
        return """
                {"version":%d,"publishedAt":"2026-01-01T00:00:00Z","summary":"First version.","active":%s,
                 "contentCategories":[{"code":"TERRORIST_CONTENT","name":"Terrorist content","definition":"Material that incites a terrorist offence.",
                   "legalReferences":["Regulation (EU) 2021/784 (TCO), Art. 2(7)"],
                   "notCovered":["News reporting on attacks and on terrorist groups","Counter-speech that quotes extremist material"],
                   "incitement":false}],
                 "requestRules":{"minStatementLength":50,"overbreadthSubjectThreshold":10,"judicialAuthorisationRequiredFor":["CONTENT"],
                   "maxInformationPeriodDays":366,"maxGagDays":180,"transparencyK":5,
                   "answerTimes":[{"type":"REMOVAL_ORDER","minutes":60,"advisory":false},{"type":"REFERRAL","minutes":10080,"advisory":true}],
                   "legitimateAims":["NATIONAL_SECURITY","PUBLIC_ORDER"]}}
                """.formatted(version, active);
    }

    static String versions() {
        return """
                {"items":[{"version":2,"publishedAt":"2026-06-01T00:00:00Z","summary":"Second.","active":true},
                          {"version":1,"publishedAt":"2026-01-01T00:00:00Z","summary":"First version.","active":false}]}
                """;
    }

    private static Map<String, String> query(StubApi.Call call) {
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : call.query() == null ? new String[0] : call.query().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    // ---- transparency ---------------------------------------------------------------------------

    @Test
    void requestReportDrawsAChartAndATablePerBreakdownForTheChosenQuarter() throws Exception {
        API.on("GET", "/api/v1/transparency/requests", 200, requestReport());
        String html = mvc.perform(get("/transparency/requests").param("period", "2026-Q3").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Government requests: Q3 2026</h1>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" id=\"by-type-chart\"",
                "id=\"by-country-table\"", "<caption>The figures of the chart: Requests by type</caption>",
                "<th scope=\"col\">Type of request</th>", "<th scope=\"row\">Removal order</th>", "Germany",
                "&lt;5", "36 min", "1 h 30 min", "Streamly &lt;Video&gt;", "href=\"/stakeholders/" + STREAMLY + "\"",
                "href=\"/transparency/requests/download.csv?period=2026-Q3&groupBy=country,type\"",
                "id=\"period-year\"", "<option value=\"Q3\" selected>");
        assertThat(html).doesNotContain("<script>").doesNotContain("style=");
        // one call per chart and one for the chosen breakdown, all anonymous, for the whole quarter
        var calls = API.calls("GET", "/api/v1/transparency/requests");
        assertThat(calls).hasSize(5);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.header("Authorization")).isNull();
            assertThat(query(call)).containsEntry("period", "2026-Q3").doesNotContainKeys("from", "to");
        });
        assertThat(calls.stream().map(c -> query(c).get("groupBy")))
                .containsExactlyInAnyOrder("type", "country", "outcome", "company", "country,type");
    }

    @Test
    void theChoosersFieldsAndTheGroupingAreReadAndABadPeriodIsTheCurrentYear() throws Exception {
        API.on("GET", "/api/v1/transparency/requests", 200, requestReport());
        mvc.perform(get("/transparency/requests").param("year", "2025").param("part", "07")
                        .param("groupBy", "company", "nonsense"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("July 2025")));
        assertThat(API.calls("GET", "/api/v1/transparency/requests")).anySatisfy(call ->
                assertThat(query(call)).containsEntry("groupBy", "company").containsEntry("period", "2025-07"));
        API.reset();
        API.on("GET", "/api/v1/transparency/requests", 200, requestReport());
        String latest = Period.latest(LocalDate.now(ZoneOffset.UTC)).code();
        mvc.perform(get("/transparency/requests").param("period", "2026-Q9<script>"))
                .andExpect(status().isOk());
        assertThat(API.calls("GET", "/api/v1/transparency/requests")).allSatisfy(call ->
                assertThat(query(call)).as("the latest month that is over").containsEntry("period", latest));
    }

    @Test
    void aDownedRequestServiceShowsWhatIsMissingAndStillRendersThePage() throws Exception {
        API.on("GET", "/api/v1/transparency/requests", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        mvc.perform(get("/transparency/requests"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The requests cannot be reached right now")))
                .andExpect(content().string(containsString("id=\"period-form\"")));
        mvc.perform(get("/authorities"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The requests cannot be reached right now")));
    }

    @Test
    void appealFiguresAskForTheDayAfterThePeriodAndShowNoticesAndOutcomes() throws Exception {
        API.on("GET", "/api/v1/transparency/appeals", 200, appealReport());
        String html = mvc.perform(get("/transparency/appeals").param("period", "2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Notices and appeals: 2025</h1>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"company-decisions-chart\"", "id=\"reversal-chart\"", "id=\"notices-table\"",
                "Incitement to violence", "NEW_CATEGORY", "Illegal content", "Automated means", "50%", "2.5 days",
                "aria-current=\"page\">Notices and appeals</a>", "href=\"/authorities?period=2025\"");
        var call = API.calls("GET", "/api/v1/transparency/appeals").getFirst();
        assertThat(query(call)).containsEntry("period", "2025").doesNotContainKeys("from", "to");
        assertThat(call.header("Authorization")).isNull();
    }

    @Test
    void aDownedAppealServiceShowsItsNotice() throws Exception {
        API.on("GET", "/api/v1/transparency/appeals", 502, "{\"title\":\"Bad Gateway\",\"status\":502}");
        mvc.perform(get("/transparency/appeals"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The notices and appeals cannot be reached right now")));
    }

    @Test
    void authorityRecordsShowSharesAndWithholdWhatTheApiWithholds() throws Exception {
        API.on("GET", "/api/v1/transparency/requests", 200, requestReport());
        String html = mvc.perform(get("/authorities").param("period", "2026-H1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Authority records: First half of 2026</h1>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"authorities-chart\"", "id=\"authorities-table\"",
                "href=\"/stakeholders/" + GERMANY + "\"", "not published", "0%",
                "href=\"/authorities/download.csv?period=2026-H1\"");
        assertThat(query(API.calls("GET", "/api/v1/transparency/requests").getFirst()))
                .containsEntry("period", "2026-H1");
    }

    @Test
    void downloadsPassTheApisFileThroughUnderANameThatSaysWhatItHolds() throws Exception {
        API.on("GET", "/api/v1/transparency/requests", new StubApi.Answer(200, "text/csv;charset=UTF-8",
                "period,from,to,k,country\r\n2026-Q3,2026-07-01,2026-09-30,5,DE\r\n", Map.of()));
        mvc.perform(get("/transparency/requests/download.csv").param("period", "2026-Q3"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("parley-requests-2026-Q3.csv")))
                .andExpect(content().string(containsString("2026-Q3,2026-07-01,2026-09-30,5,DE")));
        var call = API.calls("GET", "/api/v1/transparency/requests").getFirst();
        assertThat(query(call)).containsEntry("format", "csv");
        assertThat(call.header("Accept")).contains("text/csv");

        mvc.perform(get("/authorities/download.csv").param("period", "2025"))
                .andExpect(header().string("Content-Disposition", containsString("parley-authorities-2025.csv")));
        assertThat(API.calls("GET", "/api/v1/transparency/requests")).anySatisfy(c ->
                assertThat(query(c)).containsEntry("table", "authorities"));

        API.on("GET", "/api/v1/transparency/appeals", 200, appealReport());
        mvc.perform(get("/transparency/appeals/download.json").param("period", "2026-11"))
                .andExpect(header().string("Content-Disposition", containsString("parley-notices-and-appeals-2026-11.json")))
                .andExpect(content().string(containsString("\"standardsVersion\":1")));
    }

    @Test
    void aDownloadWhileTheServiceIsDownAnswers503() throws Exception {
        API.on("GET", "/api/v1/transparency/appeals", 503, "{\"status\":503}");
        mvc.perform(get("/transparency/appeals/download.csv")).andExpect(status().isServiceUnavailable());
    }

    // ---- commitments ----------------------------------------------------------------------------

    @Test
    void scoreboardShowsEachPledgeWithTheMeasuredIndicatorTheLatestReportAndAssessment() throws Exception {
        API.on("GET", "/api/v1/stakeholders", 200, "{\"items\":[" + stakeholder(STREAMLY, "COMPANY", "Streamly Video") + ","
                + stakeholder(GERMANY, "STATE", "Germany: Federal Office") + "]}");
        API.on("GET", "/api/v1/frameworks", 200,
                "{\"items\":[{\"id\":\"01930000-0000-7000-8000-000000f00001\",\"name\":\"Christchurch Call\",\"clauses\":[]}]}");
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY + "/commitments", 200, "{\"items\":["
                + commitment(COMMITMENT, "MEASURED", false) + "," + commitment("01930000-0000-7000-8000-000000d10003",
                "NOT_YET_MEASURED", false) + "],\"counts\":{\"PLEDGED\":0,\"IN_PROGRESS\":2}}");
        API.on("GET", "/api/v1/stakeholders/" + GERMANY + "/commitments", 200, "{\"items\":[],\"counts\":{}}");
        API.on("GET", "/api/v1/commitments/" + COMMITMENT + "/progress-reports", 200,
                "{\"items\":[{\"id\":\"r0\",\"text\":\"Older report.\",\"reportedAt\":\"2026-03-01T09:00:00Z\"},"
                        + "{\"id\":\"r1\",\"text\":\"Flagged streams are reviewed within 10 minutes.\",\"reportedAt\":\"2026-05-01T09:00:00Z\"}]}");
        API.on("GET", "/api/v1/commitments/01930000-0000-7000-8000-000000d10003/progress-reports", 503, "{}");

        String html = mvc.perform(get("/commitments").param("framework", "01930000-0000-7000-8000-000000f00001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Commitments scoreboard</h1>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("href=\"/commitments/" + COMMITMENT + "\"", "Christchurch Call OSP-4", "In progress: 2",
                "Median time to answer removal orders", "target: 1 h 00 min", "measured: 45 min", "over 20–49 records",
                "Not measured yet", "Flagged streams are reviewed within 10 minutes.", "Progress reports cannot be shown right now.",
                "Partly meets it", "Participants with no commitment in this choice", "Germany: Federal Office",
                "<label for=\"filter-kind\">");
        assertThat(html).doesNotContain("Older report.");
        assertThat(API.calls("GET", "/api/v1/stakeholders/" + STREAMLY + "/commitments").getFirst().query())
                .contains("frameworkId=01930000-0000-7000-8000-000000f00001");
        assertThat(API.calls()).allSatisfy(call -> assertThat(call.header("Authorization")).isNull());
    }

    @Test
    void scoreboardWhileTheRegistryIsDownSaysSo() throws Exception {
        API.on("GET", "/api/v1/stakeholders", 503, "{}");
        mvc.perform(get("/commitments"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The registry of participants and standards cannot be reached")));
    }

    @Test
    void oneCommitmentShowsAllReportsAndAssessmentsAndNoUnsafeLinks() throws Exception {
        API.on("GET", "/api/v1/commitments/" + COMMITMENT, 200, commitment(COMMITMENT, "UNAVAILABLE", true));
        String html = mvc.perform(get("/commitments/" + COMMITMENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Commitment: Christchurch Call OSP-4</h1>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Cannot be measured now", "Flagged streams are now reviewed within 10 minutes.",
                "href=\"https://streamly.example/report\"", "Review is fast but not yet 24/7.",
                "href=\"/stakeholders/" + STREAMLY + "\"");
        assertThat(html).doesNotContain("href=\"javascript:");
    }

    @Test
    void aCommitmentOrStakeholderThatDoesNotExistAnswers404() throws Exception {
        mvc.perform(get("/commitments/" + UNKNOWN)).andExpect(status().isNotFound());
        mvc.perform(get("/commitments/not-an-id")).andExpect(status().isNotFound());
        mvc.perform(get("/stakeholders/" + UNKNOWN)).andExpect(status().isNotFound());
        mvc.perform(get("/stakeholders/{id}", "x{y}")).andExpect(status().isNotFound());
        mvc.perform(get("/standards/9")).andExpect(status().isNotFound());
        mvc.perform(get("/standards/latest")).andExpect(status().isNotFound());
        assertThat(API.calls()).noneMatch(call -> call.path().contains("not-an-id") || call.path().contains("latest"));
    }

    // ---- standards ------------------------------------------------------------------------------

    @Test
    void standardsInForceShowWhatIsNotCoveredTheRequestRulesAndTheHistory() throws Exception {
        API.on("GET", "/api/v1/standards/active", 200, standards(2, true));
        API.on("GET", "/api/v1/standards", 200, versions());
        String html = mvc.perform(get("/standards"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Standards, version 2</h1>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("This version is in force.", "Not covered", "News reporting on attacks and on terrorist groups",
                "id=\"answer-times\"", "<th scope=\"row\">Removal order</th>", "1 h 00 min", "7 d 0 h", "Advisory",
                "national security, public order", "content data", "href=\"/standards/1\"");
    }

    @Test
    void anEarlierVersionSaysItIsNoLongerInForceAndLinksTheOneThatIs() throws Exception {
        API.on("GET", "/api/v1/standards/1", 200, standards(1, false));
        API.on("GET", "/api/v1/standards", 200, versions());
        mvc.perform(get("/standards/1").header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Normes, version 1</h1>")))
                .andExpect(content().string(containsString("Cette version n’est plus en vigueur.")))
                .andExpect(content().string(containsString("Voir la version 2, en vigueur.")))
                .andExpect(content().string(containsString("Ce qui n’est pas couvert")));
    }

    // ---- who takes part -------------------------------------------------------------------------

    @Test
    void stakeholdersCanBeFilteredByKind() throws Exception {
        API.on("GET", "/api/v1/stakeholders", 200, "{\"items\":[" + stakeholder(STREAMLY, "COMPANY", "Streamly Video")
                + "],\"nextPageToken\":\"abc_123\"}");
        mvc.perform(get("/stakeholders").param("kind", "COMPANY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Who takes part</h1>")))
                .andExpect(content().string(containsString("<option value=\"COMPANY\" selected>")))
                .andExpect(content().string(containsString("href=\"/stakeholders?kind=COMPANY&amp;pageToken=abc_123\"")));
        assertThat(API.calls("GET", "/api/v1/stakeholders").getFirst().query()).contains("kind=COMPANY");
        // a kind the registry does not know is not passed on
        mvc.perform(get("/stakeholders").param("kind", "ALIENS")).andExpect(status().isOk());
        assertThat(API.calls("GET", "/api/v1/stakeholders").getLast().query()).doesNotContain("kind=");
    }

    @Test
    void aCompanysPageShowsItsSpheresContactPointCommitmentsAndGroups() throws Exception {
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY, 200, stakeholder(STREAMLY, "COMPANY", "Streamly Video"));
        API.on("GET", "/api/v1/stakeholders/" + STREAMLY + "/commitments", 200,
                "{\"items\":[" + commitment(COMMITMENT, "MEASURED", false) + "],\"counts\":{\"IN_PROGRESS\":1}}");
        API.on("GET", "/api/v1/working-groups", 200, """
                {"items":[{"id":"01930000-0000-7000-8000-000000f10001","name":"Crisis Response","mandate":"Keep the protocol current.",
                  "members":[{"stakeholderId":"%s","name":"Streamly Video","kind":"COMPANY","country":"US"}]},
                  {"id":"01930000-0000-7000-8000-000000f10002","name":"Research Access","members":[]}]}
                """.formatted(STREAMLY));
        String html = mvc.perform(get("/stakeholders/" + STREAMLY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Streamly Video</h1>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Content moderation", "Video uploads and livestreams worldwide",
                "Contact point for authorities", "mailto:lawenforcement@streamly.example", "24/7", "German",
                "Christchurch Call OSP-4", "measured: 45 min", "Crisis Response");
        assertThat(html).doesNotContain("Research Access");
    }

    @Test
    void workingGroupsListTheirMandatesAndMembers() throws Exception {
        API.on("GET", "/api/v1/working-groups", 200, """
                {"items":[{"id":"01930000-0000-7000-8000-000000f10001","name":"Crisis Response","mandate":"Keep the protocol current.",
                  "members":[{"stakeholderId":"%s","name":"Streamly Video","kind":"COMPANY","country":"US"}]}]}
                """.formatted(STREAMLY));
        mvc.perform(get("/working-groups").header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Groupes de travail</h1>")))
                .andExpect(content().string(containsString("Membres (1)")))
                .andExpect(content().string(containsString("États-Unis")))
                .andExpect(content().string(not(containsString("pub."))));
    }

    @Test
    void publicPagesCreateNoSessionForAVisitor() throws Exception {
        API.on("GET", "/api/v1/transparency/appeals", 200, appealReport());
        var result = mvc.perform(get("/transparency/appeals")).andExpect(status().isOk()).andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
    }
}
