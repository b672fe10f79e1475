package org.parley.portal.appellant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The appellant's and the reviewer's words: every key in English, French, German and Arabic, each bundle its own. */
class AppellantBundlesTest {

    private static final List<String> TRANSLATIONS = List.of("fr", "de", "ar");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                AppellantBundlesTest.class.getResourceAsStream("/i18n/" + name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void everyLanguageHasEveryKeyAndNoEmptyMessage() throws IOException {
        for (String bundle : List.of("appellant", "reviewer")) {
            Properties english = load(bundle);
            assertThat(english.stringPropertyNames()).isNotEmpty()
                    .allMatch(key -> key.startsWith(bundle + "."), "keys of " + bundle + " start with its name");
            english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
            for (String language : TRANSLATIONS) {
                Properties translated = load(bundle + "_" + language);
                assertThat(translated.stringPropertyNames()).as(bundle + "_" + language)
                        .isEqualTo(english.stringPropertyNames());
                translated.forEach((key, value) -> assertThat(value.toString()).as(language + " " + key).isNotBlank());
            }
        }
    }

    @Test
    void translationsAreNotEnglishLeftInPlace() throws IOException {
        for (String bundle : List.of("appellant", "reviewer")) {
            Properties english = load(bundle);
            for (String language : TRANSLATIONS) {
                Properties translated = load(bundle + "_" + language);
                long same = english.stringPropertyNames().stream()
                        .filter(key -> english.getProperty(key).equals(translated.getProperty(key))).count();
                // a few words are the same in both ("Service", "Clause", "Status"), whole pages are not
                assertThat(same).as(bundle + "_" + language + " messages equal to English").isLessThan(6);
            }
        }
    }
}
