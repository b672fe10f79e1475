package org.parley.common.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;

class FieldCheckTest {

    @Test
    void collectsEveryBrokenFieldAndRefusesWithAllOfThem() {
        FieldCheck check = FieldCheck.start();

        assertThat(check.text("name", "  ", 10)).isFalse();
        assertThat(check.text("statement", "short", 10, 100)).isFalse();
        assertThat(check.optionalText("note", "x".repeat(11), 10)).isFalse();
        assertThat(check.optionalText("reference", "", 1, 10)).isFalse();
        assertThat(check.text("facts", "a\u0000b", 10)).as("PostgreSQL cannot store NUL").isFalse();
        assertThat(check.text("ok", "line\n\ttab", 10)).isTrue();
        assertThat(check.required("when", null)).isFalse();

        assertThat(check.errors()).containsExactly(new FieldError("name", "must not be blank"),
                new FieldError("statement", "must have at least 10 characters"),
                new FieldError("note", "must have at most 10 characters"),
                new FieldError("reference", "must not be blank"),
                new FieldError("facts", "must not contain control characters"),
                new FieldError("when", "is required"));
        assertThatThrownBy(check::orThrow).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.fieldErrors()).hasSize(6));
    }

    @Test
    void languagesLinksListsAndNumbers() {
        FieldCheck check = FieldCheck.start();

        assertThat(check.language("language", "en")).isTrue();
        assertThat(check.language("language", "EN")).isFalse();
        assertThat(check.languageTag("tag", "pt-BR", true)).isTrue();
        assertThat(check.languageTag("tag", null, false)).isTrue();
        assertThat(check.languageTag("tag", "not a tag", false)).isFalse();
        assertThat(check.url("link", "https://example.org/x")).isTrue();
        assertThat(check.url("link", "ftp://example.org")).isFalse();
        assertThat(check.size("items", List.of(), 1, 3)).isFalse();
        assertThat(check.distinct("items", List.of("a", "b", "a"))).isFalse();
        assertThat(check.range("minutes", 1.5, 1, 10)).isFalse();
        assertThat(check.errors()).extracting(FieldError::field)
                .containsExactly("language", "tag", "link", "items", "items[2]", "minutes");
    }

    @Test
    void countriesAreIsoAlpha2CodesInUpperCase() {
        assertThat(Countries.isCode("DE")).isTrue();
        assertThat(Countries.isCode("de")).isFalse();
        assertThat(Countries.isCode("XX")).isFalse();
        assertThat(Countries.isCode(null)).isFalse();
    }
}
