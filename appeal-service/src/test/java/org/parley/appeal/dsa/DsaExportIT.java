package org.parley.appeal.dsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.FakeStakeholderService;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;

/**
 * A day's statements of reasons leave Parley as the DSA Transparency Database's daily files: its columns, its
 * enums, and a checksum that matches the bytes.
 */
class DsaExportIT extends AppealServiceIT {

    /** The DSA database's columns of its full dumps, in their order, written out here as the DSA documents them. */
    static final List<String> FULL = List.of("uuid", "decision_visibility", "decision_visibility_other",
            "end_date_visibility_restriction", "decision_monetary", "decision_monetary_other",
            "end_date_monetary_restriction", "decision_provision", "end_date_service_restriction", "decision_account",
            "end_date_account_restriction", "account_type", "decision_ground", "decision_ground_reference_url",
            "illegal_content_legal_ground", "illegal_content_explanation", "incompatible_content_ground",
            "incompatible_content_explanation", "incompatible_content_illegal", "category", "category_addition",
            "category_specification", "category_specification_other", "content_type", "content_type_other",
            "content_language", "content_date", "territorial_scope", "application_date", "decision_facts",
            "source_type", "source_identity", "automated_detection", "automated_decision", "platform_name",
            "platform_uid", "created_at");

    static final Set<String> LONG_TEXT = Set.of("decision_visibility_other", "decision_monetary_other",
            "decision_ground_reference_url", "illegal_content_legal_ground", "illegal_content_explanation",
            "incompatible_content_ground", "incompatible_content_explanation", "category_specification_other",
            "content_type_other", "decision_facts", "source_identity");

    /** The DSA's values of each enum column (lists: of each element). */
    static final Map<String, Set<String>> DSA_ENUMS = Map.of(
            "decision_visibility", Set.of("DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_DISABLED",
                    "DECISION_VISIBILITY_CONTENT_DEMOTED", "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
                    "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED", "DECISION_VISIBILITY_CONTENT_LABELLED",
                    "DECISION_VISIBILITY_OTHER"),
            "decision_account", Set.of("", "DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED"),
            "decision_ground", Set.of("DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"),
            "source_type", Set.of("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION",
                    "SOURCE_VOLUNTARY"),
            "automated_detection", Set.of("Yes", "No"),
            "automated_decision", Set.of("AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY",
                    "AUTOMATED_DECISION_NOT_AUTOMATED"),
            "territorial_scope", Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
                    "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"));

    private List<String> recordVarious() {
        List<Map<String, Object>> notices = List.of(
                NoticeBody.notice(clock.instant()).with("puid", "dsa-1").build(),
                NoticeBody.notice(clock.instant()).with("restriction", "GEO_BLOCKED").with("territorialScope", List.of("DE", "US"))
                        .with("facts", "A line with, a comma and \"quotes\"\nand a second line.").build(),
                NoticeBody.notice(clock.instant()).with("restriction", "ACCOUNT_SUSPENDED")
                        .with("territorialScope", List.of("WORLDWIDE")).with("ground", "INCOMPATIBLE_WITH_TERMS")
                        .with("termsReference", "Rules §3").with("legalReference", null).with("automatedDecision", true)
                        .category(FakeStakeholderService.INCITEMENT).build(),
                NoticeBody.notice(clock.instant()).with("restriction", "DEMOTED").with("automatedDetection", false)
                        .with("language", "pt-BR").build());
        Reply reply = api.post("/api/v1/notices/batch", Map.of("notices", notices)).auth(w.decider().bearer()).send();
        assertThat(reply.json().get("created").asInt()).as(reply.toString()).isEqualTo(4);
        return reply.json().get("items").findValuesAsString("id");
    }

    @Test
    void aDaysFullFileHasTheDsaColumnsAndOnlyTheDsaEnumsAndItsChecksumsMatch() throws Exception {
        List<String> ids = recordVarious();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        clock.advance(Duration.ofDays(1));

        Reply file = api.get("/api/v1/exports/dsa/" + today + "/full.csv").send();

        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(file.headers().allValues("Cache-Control")).as("the day's file may be cached, and says so once")
                .containsExactly("max-age=3600, public");
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"sor-parley-" + today + "-full.csv\"");
        List<List<String>> rows = Csv.parse(file.body());
        assertThat(rows.getFirst()).containsExactlyElementsOf(FULL);
        List<Map<String, String>> records = records(rows);
        for (Map<String, String> record : records) {
            DSA_ENUMS.forEach((column, allowed) -> assertThat(values(record.get(column)))
                    .as(column + " of " + record.get("uuid")).isSubsetOf(allowed));
            assertThat(record.get("category")).startsWith("STATEMENT_CATEGORY_");
            values(record.get("category_specification")).forEach(k -> assertThat(k).startsWith("KEYWORD_"));
        }
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.put(r.get("uuid"), r));
        assertThat(byId).containsKeys(ids.toArray(String[]::new));
        assertThat(byId.get(ids.get(0)).get("platform_uid")).isEqualTo("dsa-1");
        assertThat(byId.get(ids.get(0)).get("category")).isEqualTo("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY");
        assertThat(byId.get(ids.get(0)).get("category_specification")).isEqualTo("[\"KEYWORD_TERRORIST_CONTENT\"]");
        assertThat(byId.get(ids.get(0)).get("illegal_content_legal_ground")).isEqualTo("StGB §130");
        assertThat(byId.get(ids.get(0)).get("content_language")).isEqualTo("DE");
        assertThat(byId.get(ids.get(1)).get("territorial_scope")).isEqualTo("[\"DE\"]");
        assertThat(byId.get(ids.get(1)).get("decision_facts")).isEqualTo("A line with, a comma and \"quotes\"\nand a second line.");
        assertThat(byId.get(ids.get(2)).get("decision_account")).isEqualTo("DECISION_ACCOUNT_SUSPENDED");
        assertThat(values(byId.get(ids.get(2)).get("territorial_scope"))).hasSize(30);
        assertThat(byId.get(ids.get(2)).get("incompatible_content_ground")).isEqualTo("Rules §3");
        assertThat(byId.get(ids.get(2)).get("automated_decision")).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(byId.get(ids.get(3)).get("automated_detection")).isEqualTo("No");
        assertThat(byId.get(ids.get(3)).get("content_language")).isEqualTo("PT");
        assertThat(file.body()).doesNotContain("user-8841", "video.example.com", w.decider().username());

        byte[] bytes = file.body().getBytes(StandardCharsets.UTF_8);
        String name = "sor-parley-" + today + "-full.csv";
        assertThat(api.get("/api/v1/exports/dsa/" + today + "/full.csv.sha256").send().body())
                .isEqualTo(hex("SHA-256", bytes) + "  " + name + "\n");
        assertThat(api.get("/api/v1/exports/dsa/" + today + "/full.csv.sha1").send().body())
                .isEqualTo(hex("SHA-1", bytes) + "  " + name + "\n");
    }

    @Test
    void theLightFileLeavesOutTheLongTexts() {
        recordVarious();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        clock.advance(Duration.ofDays(1));

        Reply file = api.get("/api/v1/exports/dsa/" + today + "/light.csv").send();

        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        List<List<String>> rows = Csv.parse(file.body());
        assertThat(rows.getFirst()).containsExactlyElementsOf(FULL.stream().filter(c -> !LONG_TEXT.contains(c)).toList());
        assertThat(file.body()).doesNotContain("second line", "StGB");
        records(rows).forEach(record -> DSA_ENUMS.forEach((column, allowed) ->
                assertThat(values(record.get(column))).as(column).isSubsetOf(allowed)));
    }

    @Test
    void aDayNotOverYetOrNoShapeHasNoFile() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(api.get("/api/v1/exports/dsa/" + today + "/full.csv").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/exports/dsa/2026-11-01/huge.csv").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/exports/dsa/yesterday/full.csv").send().status()).isEqualTo(404);
    }

    private static List<Map<String, String>> records(List<List<String>> rows) {
        List<String> header = rows.getFirst();
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSameSizeAs(header);
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    /** A list column's elements, or a single value as one. */
    private static List<String> values(String cell) {
        if (cell == null) {
            return List.of();
        }
        if (cell.startsWith("[")) {
            String inner = cell.substring(1, cell.length() - 1);
            return inner.isEmpty() ? List.of() : List.of(inner.replace("\"", "").split(","));
        }
        return List.of(cell);
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    /** RFC 4180, as a downloader reads it. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}
