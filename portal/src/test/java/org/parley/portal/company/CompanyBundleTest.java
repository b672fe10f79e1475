package org.parley.portal.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class CompanyBundleTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                CompanyBundleTest.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void englishAndFrenchHaveTheSameKeysAndNoEmptyValue() throws IOException {
        Properties english = load("company.properties");
        Properties french = load("company_fr.properties");
        assertThat(english).isNotEmpty();
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
        french.forEach((key, value) -> assertThat(value.toString()).as("fr " + key).isNotBlank());
    }

    @Test
    void everyKeyIsTheCompanyDesks() throws IOException {
        assertThat(load("company.properties").stringPropertyNames()).allMatch(key -> key.startsWith("company."));
    }
}
