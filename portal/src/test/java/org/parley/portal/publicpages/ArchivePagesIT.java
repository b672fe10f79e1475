package org.parley.portal.publicpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;

@PortalTest
class ArchivePagesIT extends PortalTest.Base {

    static final String RECORD = "01930000-0000-7000-8000-0000000a0001";
    static final String GERMANY = "01930000-0000-7000-8000-00000000a001";
    static final String STREAMLY = "01930000-0000-7000-8000-00000000c001";

    static String record(String id, String outcome, boolean answered) {
        return """
                {"id":"%s","authority":{"id":"%s","name":"Federal Office <Online>","country":"DE"},
                 "company":{"id":"%s","name":"Streamly Video"},"type":"REMOVAL_ORDER",
                 "legalBasis":{"instrument":"Regulation (EU) 2021/784","provision":"Art. 3","jurisdiction":"DE"},
                 "legitimateAim":"PUBLIC_ORDER","dataCategories":[],"judiciallyAuthorised":false,
                 "receivedAt":"2026-10-01T08:00:00Z","dueAt":"2026-10-01T09:00:00Z",
                 %s
                 "gagUntil":"2026-10-31","outcome":"%s","reasonCodes":%s,"overdue":false,
                 "subjects":[{"kind":"URL","shown":"https://[redacted].blog.example/[redacted]","domain":"blog.example",
                              "redactions":["URL_HOST","URL_PATH"]},
                             {"kind":"ACCOUNT","shown":"[redacted]","redactions":["ACCOUNT_ID"]},
                             {"kind":"URL","redactions":["ERASED"]}],
                 "redactions":[{"kind":"ACCOUNT_ID","count":1},{"kind":"URL_HOST","count":1},{"kind":"URL_PATH","count":1},
                               {"kind":"ERASED","count":1}],
                 "publishedAt":"2026-11-01T00:01:00Z"}
                """.formatted(id, GERMANY, STREAMLY,
                answered ? "\"answeredAt\":\"2026-10-01T08:24:00Z\",\"answerHours\":0.4,\"answeredInTime\":true,"
                        : "\"withdrawnAt\":\"2026-10-01T08:10:00Z\",",
                outcome, "REJECTED".equals(outcome) ? "[\"OVERBROAD\"]" : "[]");
    }

    private static Map<String, String> query(StubApi.Call call) {
        Map<String, String> params = new HashMap<>();
        for (String pair : call.query() == null ? new String[0] : call.query().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    @Test
    void theArchiveListsPublishedRequestsWithTheirFiltersAndPagesOn() throws Exception {
        API.on("GET", "/api/v1/archive/requests", 200, "{\"items\":[" + record(RECORD, "FULFILLED", true) + ","
                + record("01930000-0000-7000-8000-0000000a0002", "WITHDRAWN", false) + "],\"nextPageToken\":\"YTE6MTI\"}");
        String html = mvc.perform(get("/archive").param("country", "de").param("type", "REMOVAL_ORDER")
                        .param("outcome", "NOT_AN_OUTCOME").param("from", "2026-01-01").param("to", "soon")
                        .param("q", "2021/784").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Archive of government requests</h1>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"archive-table\"", "href=\"/archive/requests/" + RECORD + "\"",
                "Federal Office &lt;Online&gt;", "Germany", "Streamly Video", "Removal order", "Fulfilled",
                "Withdrawn by the authority", "24 min", "no answer", "id=\"archive-more\"", "pageToken=YTE6MTI",
                "<option value=\"REMOVAL_ORDER\" selected>", "value=\"2021/784\"", "href=\"/archive\" aria-current=\"page\"");
        assertThat(html).doesNotContain("<script>").doesNotContain("style=");
        var call = API.calls("GET", "/api/v1/archive/requests").getFirst();
        assertThat(call.header("Authorization")).isNull();
        assertThat(query(call)).containsEntry("country", "DE").containsEntry("type", "REMOVAL_ORDER")
                .containsEntry("from", "2026-01-01").containsEntry("q", "2021/784").containsEntry("pageSize", "25")
                .doesNotContainKeys("outcome", "to", "pageToken");
    }

    @Test
    void theNextPageAsksForTheTokenAndOffersTheNewestAgain() throws Exception {
        API.on("GET", "/api/v1/archive/requests", 200, "{\"items\":[]}");
        mvc.perform(get("/archive").param("pageToken", "YTE6MTI").param("company", STREAMLY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"archive-newest\"")))
                .andExpect(content().string(containsString("No published request matches.")));
        assertThat(query(API.calls("GET", "/api/v1/archive/requests").getFirst()))
                .containsEntry("pageToken", "YTE6MTI").containsEntry("company", STREAMLY);
    }

    @Test
    void aRecordShowsEverythingPublicAndExplainsEachRedaction() throws Exception {
        API.on("GET", "/api/v1/archive/requests/" + RECORD, 200, record(RECORD, "REJECTED", true));
        String html = mvc.perform(get("/archive/requests/" + RECORD).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>Removal order in the public archive</h1>", "Regulation (EU) 2021/784, Art. 3",
                "public order", "Refused", "too broad", "in time", "Ended after",
                "<code dir=\"ltr\">https://[redacted].blog.example/[redacted]</code>", "nothing of it can be shown",
                "which can be a person’s name", "the path of the page", "the account name or number",
                "already erased at the end of its retention", "What is never published",
                "href=\"/stakeholders/" + GERMANY + "\"");
    }

    @Test
    void aRecordInEveryLanguageOfThePortal() throws Exception {
        API.on("GET", "/api/v1/archive/requests/" + RECORD, 200, record(RECORD, "FULFILLED", true));
        Map<String, String> titles = Map.of("fr", "Archives", "de", "Archiv", "ar", "الأرشيف");
        for (var language : titles.entrySet()) {
            String html = mvc.perform(get("/archive/requests/" + RECORD).param("lang", language.getKey()))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(language.getKey()).contains("lang=\"" + language.getKey() + "\"", language.getValue())
                    .doesNotContain("archive.redaction.", "archive.record.");
        }
    }

    @Test
    void anUnpublishedOrMalformedRecordIsNotFound() throws Exception {
        API.on("GET", "/api/v1/archive/requests/" + RECORD, 404, "{\"title\":\"Not Found\",\"status\":404}");
        mvc.perform(get("/archive/requests/" + RECORD)).andExpect(status().isNotFound());
        mvc.perform(get("/archive/requests/not-an-id")).andExpect(status().isNotFound());
    }

    @Test
    void aDownedRequestServiceShowsWhatIsMissingAndStillTheFilters() throws Exception {
        API.on("GET", "/api/v1/archive/requests", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        mvc.perform(get("/archive").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The requests cannot be reached right now")))
                .andExpect(content().string(containsString("id=\"archive-filter\"")));
    }

    @Test
    void theDownloadPassesTheApisCsvThrough() throws Exception {
        API.on("GET", "/api/v1/archive/requests", new StubApi.Answer(200, "text/csv;charset=UTF-8",
                "id,publishedAt\r\n" + RECORD + ",2026-11-01T00:01:00Z\r\n", Map.of()));
        mvc.perform(get("/archive/download.csv").param("type", "REFERRAL"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("parley-archive.csv")))
                .andExpect(content().string(containsString(RECORD)));
        assertThat(query(API.calls("GET", "/api/v1/archive/requests").getFirst()))
                .containsEntry("type", "REFERRAL").containsEntry("format", "csv");
    }
}
