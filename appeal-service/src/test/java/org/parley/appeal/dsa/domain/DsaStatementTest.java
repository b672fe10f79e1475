package org.parley.appeal.dsa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DsaStatementTest {

    private static DsaStatement.Row row(String restriction, List<String> scope, String ground, String category,
            boolean byOrder, String puid) {
        return new DsaStatement.Row(UUID.fromString("019ab7c2-4f10-7a3e-9c1d-5e2f8a6b3c71"), restriction, scope, ground,
                "StGB §130", "Rules §3", category, "Its name", "What happened.", true, false,
                Instant.parse("2026-11-20T10:00:00Z"), byOrder, "de", "Streamly", puid, "N-7K3P-QX2M",
                Instant.parse("2026-11-20T10:04:31Z"));
    }

    @Test
    void everyColumnOfTheFullShapeIsFilledInItsOrder() {
        Map<String, String> columns = DsaStatement.columns(row("REMOVED", List.of("DE", "FR"), "ILLEGAL_CONTENT",
                "TERRORIST_CONTENT", true, "sor-1"));

        assertThat(List.copyOf(columns.keySet())).isEqualTo(DsaShape.FULL.columns());
        assertThat(columns).containsEntry("decision_visibility", "[\"DECISION_VISIBILITY_CONTENT_REMOVED\"]")
                .containsEntry("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT")
                .containsEntry("illegal_content_legal_ground", "StGB §130")
                .containsEntry("incompatible_content_ground", "")
                .containsEntry("source_type", "SOURCE_TYPE_OTHER_NOTIFICATION")
                .containsEntry("territorial_scope", "[\"DE\",\"FR\"]")
                .containsEntry("application_date", "2026-11-20 10:00:00")
                .containsEntry("platform_uid", "sor-1");
    }

    @Test
    void aNoticeWithoutAnOrderIsVoluntaryAndWithoutAPuidGoesByItsReference() {
        Map<String, String> columns = DsaStatement.columns(row("ACCOUNT_SUSPENDED", List.of("WORLDWIDE"),
                "INCOMPATIBLE_WITH_TERMS", "SOMETHING_NEW", false, null));

        assertThat(columns).containsEntry("source_type", "SOURCE_VOLUNTARY")
                .containsEntry("platform_uid", "N-7K3P-QX2M")
                .containsEntry("decision_visibility", "[]")
                .containsEntry("decision_account", "DECISION_ACCOUNT_SUSPENDED")
                .containsEntry("incompatible_content_ground", "Rules §3")
                .containsEntry("illegal_content_legal_ground", "")
                .containsEntry("category", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC")
                .containsEntry("category_specification_other", "Its name");
        assertThat(DsaStatement.scope(List.of("WORLDWIDE"))).hasSize(30);
    }

    @Test
    void countriesOutsideTheEeaAreLeftOutAndLanguagesGoByTheirPrimaryTag() {
        assertThat(DsaStatement.scope(List.of("US", "FR", "EL", "DE"))).containsExactly("DE", "FR", "GR");
        assertThat(DsaStatement.language("pt-BR")).isEqualTo("PT");
        assertThat(DsaStatement.language(null)).isEmpty();
        assertThat(DsaStatement.language("gsw")).isEmpty();
    }

    @Test
    void theLightShapeIsTheFullLessTheLongTexts() {
        assertThat(DsaShape.FULL.columns()).hasSize(37);
        assertThat(DsaShape.LIGHT.columns()).hasSize(26).doesNotContain("decision_facts", "illegal_content_explanation")
                .isSubsetOf(DsaShape.FULL.columns());
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        assertThat(DsaStatement.csvLine(List.of("a", "b,c", "say \"hi\"", "two\nlines")))
                .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }
}
