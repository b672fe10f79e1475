package org.parley.appeal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * A statement of reasons in the reader's language: negotiated with {@code Accept-Language}, labelled with
 * {@code Content-Language}, and the company's own text quoted as it wrote it.
 */
class NoticeLanguageIT extends AppealServiceIT {

    @Test
    void aReaderWhoAsksForGermanReadsTheStatementInGermanAndTheAnswerSaysSo() {
        JsonNode recorded = recorded(NoticeBody.notice(clock.instant()).requestId(REQUESTS.removalOrder(w.company())));
        claimed(recorded);

        Reply reply = api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer())
                .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Language")).isEqualTo("de");
        assertThat(reply.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Accept-Language"));
        JsonNode notice = reply.json();
        assertThat(notice.get("explanationLanguage").asText()).isEqualTo("de");
        assertThat(notice.get("language").asText()).as("the language the company wrote in").isEqualTo("de");
        assertThat(notice.get("explanation").asText())
                .contains("hat " + notice.get("companyName").asText() + " Ihren Inhalt (https://video.example.com/v/123) entfernt.")
                .contains("Das Unternehmen hat aufgrund einer Entfernungsanordnung von Germany: Federal Office for "
                        + "Online Safety (Deutschland) gehandelt.")
                .contains("Die Behörde hat sich auf Regulation (EU) 2021/784, Art. 3 gestützt.")
                .contains("Beschwerde einlegen")
                .doesNotContain("You can appeal");
        JsonNode parts = notice.get("explanationParts");
        assertThat(parts).extracting(part -> part.get("kind").asText())
                .containsExactly("ACTION", "GROUND", "AUTOMATION", "ORDER", "APPEAL");
        JsonNode ground = parts.get(1);
        assertThat(ground.get("segments")).filteredOn(s -> s.has("asWritten"))
                .extracting(s -> s.get("asWritten").asText() + "=" + s.get("text").asText())
                .containsExactly("LEGAL_REFERENCE=StGB §130", "CATEGORY=" + notice.get("categoryName").asText(),
                        "FACTS=" + notice.get("facts").asText());
        StringBuilder joined = new StringBuilder();
        ground.get("segments").forEach(s -> joined.append(s.get("text").asText()));
        assertThat(joined.toString()).isEqualTo(ground.get("text").asText());
    }

    @Test
    void underAGagOrderTheGermanStatementSaysOnlyThatAConfidentialOrderExistsAndUntilWhen() {
        Instant until = ZonedDateTime.of(2027, 3, 15, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
        JsonNode recorded = recorded(NoticeBody.notice(clock.instant())
                .requestId(REQUESTS.gaggedRemovalOrder(w.company(), until)));
        claimed(recorded);

        Reply reply = api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer())
                .header("Accept-Language", "de").send();

        assertThat(reply.header("Content-Language")).isEqualTo("de");
        JsonNode order = reply.json().get("explanationParts").get(3);
        assertThat(order.get("kind").asText()).isEqualTo("ORDER");
        assertThat(order.get("text").asText()).isEqualTo("Das Unternehmen hat aufgrund einer behördlichen Anordnung "
                + "gehandelt, die bis zum 15. März 2027 vertraulich ist. Bis dahin darf Ihnen nicht mitgeteilt werden, "
                + "welche Behörde sie erlassen hat.");
        assertThat(reply.json().get("explanation").asText()).doesNotContain("Federal Office").doesNotContain("Regulation");
    }

    @Test
    void theClaimAndTheListAnswerInTheAskedLanguageAndAnyOtherLanguageReadsEnglish() {
        JsonNode recorded = recordedNotice();

        Reply claim = api.post("/api/v1/notices/claims", Map.of("reference", recorded.get("reference").asText(),
                "accessCode", recorded.get("accessCode").asText())).auth(w.appellant().bearer())
                .header("Accept-Language", "fr-CH").send();
        assertThat(claim.status()).as(claim.toString()).isEqualTo(201);
        assertThat(claim.header("Content-Language")).isEqualTo("fr");
        assertThat(claim.json().get("explanation").asText()).contains("a supprimé votre contenu");

        Reply arabic = api.get("/api/v1/notices").auth(w.appellant().bearer()).header("Accept-Language", "ar").send();
        assertThat(arabic.header("Content-Language")).isEqualTo("ar");
        assertThat(arabic.json().get("items").get(0).get("explanationLanguage").asText()).isEqualTo("ar");
        JsonNode item = arabic.json().get("items").get(0);
        assertThat(item.get("explanation").asText()).contains("أزالت شركة " + item.get("companyName").asText() + " محتواك");

        Reply byWeight = api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer())
                .header("Accept-Language", "pt-BR, de;q=0.3, fr;q=0.8").send();
        assertThat(byWeight.header("Content-Language")).as("the best weighted language Parley speaks").isEqualTo("fr");

        for (String unsupported : new String[] {"pt-BR", "*", "x-klingon"}) {
            Reply other = api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer())
                    .header("Accept-Language", unsupported).send();
            assertThat(other.status()).as(unsupported + ": " + other).isEqualTo(200);
            assertThat(other.header("Content-Language")).as(unsupported).isEqualTo("en");
            assertThat(other.json().get("explanation").asText()).as(unsupported).contains("removed your content");
        }
        for (String malformed : new String[] {"de;q=lots", ";;,,", "12345678901234567890"}) {
            Reply other = api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer())
                    .header("Accept-Language", malformed).send();
            assertThat(other.status()).as("a malformed header is no error: " + malformed + " " + other).isEqualTo(200);
            assertThat(other.header("Content-Language")).as(malformed).isIn("en", "de");
        }
        Reply none = api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer()).send();
        assertThat(none.header("Content-Language")).isEqualTo("en");
        assertThat(none.json().get("explanationLanguage").asText()).isEqualTo("en");
    }

    @Test
    void theOpenApiDocumentTellsClientsToAskWithAcceptLanguageAndWhatTheyGetBack() {
        JsonNode docs = api.get("/v3/api-docs").send().json();

        for (String path : new String[] {"/api/v1/notices", "/api/v1/notices/{id}"}) {
            JsonNode get = docs.get("paths").get(path).get("get");
            assertThat(get.get("parameters")).as(path).anySatisfy(p -> {
                assertThat(p.get("name").asText()).isEqualTo("Accept-Language");
                assertThat(p.get("in").asText()).isEqualTo("header");
            });
            assertThat(get.get("responses").get("200").get("headers").propertyNames()).as(path)
                    .contains("Content-Language", "Vary");
            assertThat(get.get("responses").get("200").get("content").toString()).as(path + " keeps its body")
                    .contains("NoticeView");
        }
        assertThat(docs.get("paths").get("/api/v1/notices/claims").get("post").get("parameters"))
                .filteredOn(p -> p.has("name")).extracting(p -> p.get("name").asText()).containsExactly("Accept-Language");
        JsonNode notice = docs.get("components").get("schemas").get("NoticeView").get("properties");
        assertThat(notice.propertyNames()).contains("explanation", "explanationLanguage", "explanationParts");
        assertThat(docs.get("components").get("schemas").get("PartView").get("properties").get("kind").get("enum"))
                .extracting(JsonNode::asText).containsExactly("ACTION", "GROUND", "AUTOMATION", "ORDER", "APPEAL");
    }
}
