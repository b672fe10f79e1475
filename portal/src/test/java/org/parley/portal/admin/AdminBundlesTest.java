package org.parley.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The desk's words in English, French, German and Arabic: the same keys, none empty, the same placeholders. */
class AdminBundlesTest {

    private static final List<String> TRANSLATIONS = List.of("fr", "de", "ar");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                AdminBundlesTest.class.getResourceAsStream("/i18n/" + name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
        Properties english = load("admin");
        assertThat(english.stringPropertyNames()).isNotEmpty().allMatch(key -> key.startsWith("admin."));
        for (String language : TRANSLATIONS) {
            Properties other = load("admin_" + language);
            assertThat(new TreeSet<>(other.stringPropertyNames())).as(language)
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
            for (String key : english.stringPropertyNames()) {
                String message = other.getProperty(key);
                assertThat(message.trim()).as(language + " " + key).isNotEmpty();
                assertThat(placeholders(message)).as(language + " " + key).isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void anApostropheInAMessageWithPlaceholdersIsDoubled() throws IOException {
        for (String name : List.of("admin", "admin_fr", "admin_de", "admin_ar")) {
            Properties bundle = load(name);
            bundle.forEach((key, value) -> {
                String message = value.toString();
                if (PLACEHOLDER.matcher(message).find()) {
                    // MessageFormat would swallow a single quote and the text after it
                    assertThat(message.replace("''", "")).as(name + " " + key).doesNotContain("'");
                }
            });
        }
    }

    private static TreeSet<String> placeholders(String message) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
