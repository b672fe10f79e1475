package org.parley.portal.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class NoticesBundleTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                NoticesBundleTest.class.getResourceAsStream("/i18n/" + name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void englishAndFrenchHaveTheSameKeysAndNoEmptyValue() throws IOException {
        Properties english = load("notices");
        Properties french = load("notices_fr");
        assertThat(english.stringPropertyNames()).isNotEmpty().isEqualTo(french.stringPropertyNames());
        english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
        french.forEach((key, value) -> assertThat(value.toString()).as("fr " + key).isNotBlank());
    }

    @Test
    void everyKeyBelongsToThisBundle() throws IOException {
        assertThat(load("notices").stringPropertyNames()).allMatch(key -> key.startsWith("notices."));
    }
}
