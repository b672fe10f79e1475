package org.parley.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The administrator desk's catalogues: frameworks with their clauses, and the standards with the diff before publishing. */
@PortalTest
class AdminPublishingIT extends PortalTest.Base {

    private final JsonMapper json = JsonMapper.builder().build();


    private OidcLoginRequestPostProcessor admin() {
        return signedIn("admin", null, "admin");
    }

    // ---- frameworks --------------------------------------------------------------------------

    @Test
    void frameworksAreListedWithTheirClauses() throws Exception {
        API.on("GET", "/api/v1/frameworks", 200, AdminJsonFixtures.page(null, AdminJsonFixtures.framework()));
        mvc.perform(get("/admin/frameworks").with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Frameworks</h1>"),
                        containsString("Christchurch Call"), containsString("Clauses (2)"),
                        containsString("<dt>OSP-2</dt>"), containsString("href=\"/admin/frameworks/new\""))));
    }

    @Test
    void addingAClauseRedrawsTheFormWithOneMoreRowAndWhatWasTypedWithoutCallingTheApi() throws Exception {
        String html = mvc.perform(get("/admin/frameworks/new").with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>Publish a framework</h1>", "id=\"f-clauses-0--number\"", "id=\"f-clauses-1--text\"",
                "<label for=\"f-clauses-1--text\">Text of clause 2</label>", "id=\"add-clause\"")
                .doesNotContain("id=\"f-clauses-2--number\"");
        String key = idempotencyKey(html);
        mvc.perform(post("/admin/frameworks").with(admin()).with(csrf()).header("Accept-Language", "en")
                        .param("idempotencyKey", key).param("name", "Christchurch Call").param("addClause", "1")
                        .param("clauses[0].number", "OSP-1").param("clauses[0].text", "Prevent upload")
                        .param("clauses[1].number", "OSP-2").param("clauses[1].text", "Be transparent"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"f-clauses-2--number\""),
                        not(containsString("id=\"f-clauses-3--number\"")),
                        containsString("value=\"OSP-2\""), containsString(">Be transparent</textarea>"),
                        containsString("value=\"Christchurch Call\""), containsString("value=\"" + key + "\""))));
        assertThat(API.calls()).isEmpty();
    }

    @Test
    void publishingLeavesEmptyRowsOutAndSendsTheFormsKey() throws Exception {
        API.on("POST", "/api/v1/frameworks", new StubApi.Answer(201, "application/json", AdminJsonFixtures.framework(),
                java.util.Map.of("Location", "/api/v1/frameworks/0190a0c0-0000-7000-8000-0000000000f1")));
        MvcResult done = mvc.perform(post("/admin/frameworks").with(admin()).with(csrf()).param("idempotencyKey", "key-fw-1")
                        .param("name", "Christchurch Call").param("sourceUrl", "https://www.christchurchcall.org/")
                        .param("description", "")
                        .param("clauses[0].number", "OSP-1").param("clauses[0].text", "Prevent upload")
                        .param("clauses[1].number", "").param("clauses[1].text", "")
                        .param("clauses[2].number", "OSP-2").param("clauses[2].text", "Be transparent"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/frameworks"))
                .andReturn();
        StubApi.Call call = API.calls("POST", "/api/v1/frameworks").getFirst();
        assertThat(call.header("Idempotency-Key")).isEqualTo("key-fw-1");
        JsonNode sent = json.readTree(call.body());
        assertThat(sent.path("name").asString()).isEqualTo("Christchurch Call");
        assertThat(sent.path("sourceUrl").asString()).isEqualTo("https://www.christchurchcall.org/");
        assertThat(sent.path("description").isNull()).isTrue();
        assertThat(sent.path("clauses").toString())
                .isEqualTo("[{\"number\":\"OSP-1\",\"text\":\"Prevent upload\"},{\"number\":\"OSP-2\",\"text\":\"Be transparent\"}]");

        API.on("GET", "/api/v1/frameworks", 200, AdminJsonFixtures.page(null, AdminJsonFixtures.framework()));
        mvc.perform(get("/admin/frameworks").with(admin()).header("Accept-Language", "en").requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, done.getFlashMap()))
                .andExpect(content().string(containsString("The framework \"Christchurch Call\" is published.")));
    }

    @Test
    void aRefusedClauseIsMarkedOnTheRowTheAdminTypedItIn() throws Exception {
        API.on("POST", "/api/v1/frameworks", 422, """
                {"title":"Unprocessable Content","status":422,"detail":"The framework has invalid fields",
                 "errors":[{"field":"clauses[1].number","message":"is a duplicate"},
                           {"field":"sourceUrl","message":"must be an http(s) URL"}]}""");
        mvc.perform(post("/admin/frameworks").with(admin()).with(csrf()).header("Accept-Language", "en")
                        .param("idempotencyKey", "key-fw-2").param("name", "Call").param("sourceUrl", "christchurchcall")
                        .param("clauses[0].number", "OSP-1").param("clauses[0].text", "Prevent upload")
                        .param("clauses[1].number", "").param("clauses[1].text", "")
                        .param("clauses[2].number", "OSP-1").param("clauses[2].text", "Again"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("role=\"alert\""),
                        // the API's second clause is the form's third row: the empty row was not sent
                        containsString("id=\"f-clauses-2--number-error\">is a duplicate"),
                        not(containsString("id=\"f-clauses-1--number-error\"")),
                        containsString("href=\"#f-clauses-2--number\""),
                        containsString("id=\"f-sourceUrl-error\">must be an http(s) URL"),
                        containsString("value=\"christchurchcall\""), containsString("value=\"key-fw-2\""))));
    }

    // ---- standards ---------------------------------------------------------------------------

    @Test
    void theStandardsPageShowsTheVersionInForceAndStartsTheNextFromIt() throws Exception {
        API.on("GET", "/api/v1/standards/active", 200, AdminJsonFixtures.standards());
        String html = mvc.perform(get("/admin/standards").with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>Standards</h1>", "Version 3, in force", "Third version", "TERRORIST_CONTENT",
                "incitement: Rabat test", "<label for=\"f-document\">", "action=\"/admin/standards/preview\"");
        JsonNode draft = json.readTree(HtmlUtils.htmlUnescape(textarea(html)));
        assertThat(draft.propertyNames()).containsExactly("summary", "contentCategories", "requestRules");
        assertThat(draft.path("summary").asString()).isEmpty();
        assertThat(draft.path("contentCategories").size()).isEqualTo(2);
        assertThat(draft.path("requestRules").path("transparencyK").asInt()).isEqualTo(5);
        assertThat(idempotencyKey(html)).matches("[0-9a-f-]{36}");
    }

    @Test
    void thePreviewShowsWhatIsAddedRemovedAndChangedFieldByFieldAndPublishesNothing() throws Exception {
        API.on("GET", "/api/v1/standards/active", 200, AdminJsonFixtures.standards());
        String html = mvc.perform(post("/admin/standards/preview").with(admin()).with(csrf()).header("Accept-Language", "en")
                        .param("idempotencyKey", "key-std-1").param("document", nextVersion()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>What the new version changes against version 3</h1>",
                "Added: 2. Removed: 1. Changed: 2.", "Adds hate speech",
                "id=\"diff-ADDED-CONTENT_CATEGORY-HATE_SPEECH\"", "id=\"diff-REMOVED-CONTENT_CATEGORY-VIOLENT_EXTREMISM\"",
                "id=\"diff-CHANGED-CONTENT_CATEGORY-TERRORIST_CONTENT\"", "id=\"diff-CHANGED-REQUEST_RULES-rules\"",
                "id=\"diff-ADDED-ANSWER_TIME-PRESERVATION\"",
                "Smallest count published (k)", "<del>5</del>", "<ins>10</ins>",
                "<del>Material that incites terrorist offences</del>", "<ins>Material that incites or glorifies terrorist offences</ins>",
                "name=\"document\"", "value=\"key-std-1\"", ">Publish this version</button>", "name=\"edit\"");
        assertThat(entry(html, "CHANGED-CONTENT_CATEGORY-TERRORIST_CONTENT")).doesNotContain("Legal references", "Name<");
        assertThat(entry(html, "CHANGED-REQUEST_RULES-rules")).doesNotContain("Legitimate aims");
        assertThat(API.calls("POST", "/api/v1/standards")).isEmpty();
    }

    @Test
    void aDocumentThatIsNotJsonIsRefusedBesideTheFieldAndKept() throws Exception {
        API.on("GET", "/api/v1/standards/active", 200, AdminJsonFixtures.standards());
        mvc.perform(post("/admin/standards/preview").with(admin()).with(csrf()).header("Accept-Language", "en")
                        .param("idempotencyKey", "key-std-2").param("document", "{\"summary\": \"oops\","))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("role=\"alert\""),
                        containsString("id=\"f-document-error\">This is not a JSON object."),
                        containsString("{\"summary\": \"oops\",</textarea>"), containsString("value=\"key-std-2\""))));
    }

    @Test
    void publishingSendsTheDocumentWithTheFormsKey() throws Exception {
        API.on("POST", "/api/v1/standards", new StubApi.Answer(201, "application/json", "{\"version\":4,\"active\":true}",
                java.util.Map.of("Location", "/api/v1/standards/4")));
        MvcResult done = mvc.perform(post("/admin/standards").with(admin()).with(csrf())
                        .param("idempotencyKey", "key-std-3").param("document", nextVersion()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/standards"))
                .andReturn();
        StubApi.Call call = API.calls("POST", "/api/v1/standards").getFirst();
        assertThat(call.header("Idempotency-Key")).isEqualTo("key-std-3");
        assertThat(json.readTree(call.body())).isEqualTo(json.readTree(nextVersion()));

        API.on("GET", "/api/v1/standards/active", 200, AdminJsonFixtures.standards());
        mvc.perform(get("/admin/standards").with(admin()).header("Accept-Language", "en").requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, done.getFlashMap()))
                .andExpect(content().string(containsString("Version 4 of the standards is published and now in force.")));
    }

    @Test
    void aRefusedVersionIsDrawnAgainWithTheApisErrorsAndTheDocument() throws Exception {
        API.on("GET", "/api/v1/standards/active", 200, AdminJsonFixtures.standards());
        API.on("POST", "/api/v1/standards", 422, """
                {"title":"Unprocessable Content","status":422,"detail":"The standards have invalid fields",
                 "errors":[{"field":"requestRules.transparencyK","message":"must be between 2 and 100"}]}""");
        mvc.perform(post("/admin/standards").with(admin()).with(csrf()).header("Accept-Language", "en")
                        .param("idempotencyKey", "key-std-4").param("document", "{\"summary\":\"k one\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("role=\"alert\""),
                        containsString("requestRules.transparencyK: must be between 2 and 100"),
                        containsString("k one"), containsString("value=\"key-std-4\""))));
    }

    @Test
    void changingItAgainGoesBackToTheFormWithTheDocument() throws Exception {
        API.on("GET", "/api/v1/standards/active", 200, AdminJsonFixtures.standards());
        mvc.perform(post("/admin/standards").with(admin()).with(csrf()).header("Accept-Language", "en")
                        .param("idempotencyKey", "key-std-5").param("document", "{\"summary\":\"draft five\"}")
                        .param("edit", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("draft five"), containsString("value=\"key-std-5\""),
                        containsString("action=\"/admin/standards/preview\""))));
        assertThat(API.calls("POST", "/api/v1/standards")).isEmpty();
    }

    /** The version in force with: a category added, one removed, one redefined, k raised, an answer time added. */
    private String nextVersion() {
        ObjectNode draft = (ObjectNode) json.readTree(AdminJsonFixtures.standards());
        draft.remove("version");
        draft.remove("publishedAt");
        draft.remove("active");
        draft.put("summary", "Adds hate speech");
        var categories = (tools.jackson.databind.node.ArrayNode) draft.get("contentCategories");
        ((ObjectNode) categories.get(0)).put("definition", "Material that incites or glorifies terrorist offences");
        categories.remove(1);
        categories.addObject().put("code", "HATE_SPEECH").put("name", "Hate speech").put("definition", "Advocacy of hatred")
                .put("incitement", true).putArray("legalReferences").add("ICCPR Art. 20(2)");
        ObjectNode rules = (ObjectNode) draft.get("requestRules");
        rules.put("transparencyK", 10);
        // the same aims in another order is no change
        rules.putArray("legitimateAims").add("PUBLIC_ORDER").add("NATIONAL_SECURITY");
        ((tools.jackson.databind.node.ArrayNode) rules.get("answerTimes")).addObject().put("type", "PRESERVATION")
                .put("minutes", 2880).put("advisory", false);
        return draft.toPrettyString();
    }

    private static String idempotencyKey(String html) {
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"").matcher(html);
        assertThat(key.find()).as("the form carries an idempotency key").isTrue();
        return key.group(1);
    }

    private static String textarea(String html) {
        Matcher area = Pattern.compile("(?s)<textarea id=\"f-document\"[^>]*>(.*?)</textarea>").matcher(html);
        assertThat(area.find()).isTrue();
        return area.group(1);
    }

    private static String entry(String html, String id) {
        int start = html.indexOf("id=\"diff-" + id + "\"");
        assertThat(start).isNotNegative();
        return html.substring(start, html.indexOf("</table>", start));
    }
}
