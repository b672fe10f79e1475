package org.parley.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The formats of each language: direction, and the same digits in numbers, dates and messages. */
class PageTest {

    private static Page page(String language) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/common");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Page(messages, Locale.forLanguageTag(language), List.of(), null, null, "/", null);
    }

    @Test
    void arabicReadsRightToLeftAndTheOthersLeftToRight() {
        assertThat(page("ar").dir()).isEqualTo("rtl");
        assertThat(page("ar").forward()).isEqualTo("←");
        for (String language : List.of("en", "fr", "de")) {
            assertThat(page(language).dir()).isEqualTo("ltr");
            assertThat(page(language).forward()).isEqualTo("→");
        }
        assertThat(page("ar-Latn").dir()).as("the script decides when it is named").isEqualTo("ltr");
    }

    @Test
    void arabicWritesTheDigitsCldrGivesPlainArabicTheSameEverywhere() {
        // plain "ar": 0-9 (CLDR's default); a regional Arabic that uses ٠-٩ gets them in every format alike
        Page arabic = page("ar");
        assertThat(arabic.number(1234567)).isEqualTo("1,234,567");
        assertThat(arabic.date(LocalDate.of(2026, 12, 1))).contains("2026");
        assertThat(arabic.dateTime(Instant.parse("2026-12-01T09:05:00Z"))).contains("2026").contains("9:05");
        assertThat(arabic.duration(Duration.ofMinutes(65))).isEqualTo("1 س 05 د");
        assertThat(arabic.digits(2026)).isEqualTo("2026");

        Page egyptian = page("ar-EG");
        String zero = String.valueOf(java.text.DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ar-EG"))
                .getZeroDigit());
        String twentyTwentySix = egyptian.number(2026).replace("٬", "");
        assertThat(egyptian.date(LocalDate.of(2026, 12, 1))).contains(twentyTwentySix);
        assertThat(egyptian.duration(Duration.ofMinutes(65))).contains(zero);
    }

    @Test
    void germanFormatsAsGermanDo() {
        Page german = page("de");
        assertThat(german.number(1234567)).isEqualTo("1.234.567");
        assertThat(german.decimal(2.5)).isEqualTo("2,5");
        assertThat(german.date(LocalDate.of(2026, 12, 1))).isEqualTo("01.12.2026");
        assertThat(german.duration(Duration.ofMinutes(65))).isEqualTo("1 Std. 05 Min.");
        assertThat(german.dueIn(Instant.now().minus(Duration.ofMinutes(5)))).startsWith("seit ").endsWith(" überfällig");
    }
}
