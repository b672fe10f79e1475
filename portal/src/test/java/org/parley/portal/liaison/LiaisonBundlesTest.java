package org.parley.portal.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class LiaisonBundlesTest {

    @Test
    void englishAndFrenchHaveTheSameKeysAndNoEmptyWords() throws IOException {
        Properties en = load("i18n/liaison.properties");
        Properties fr = load("i18n/liaison_fr.properties");
        assertThat(en).isNotEmpty();
        assertThat(fr.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        en.forEach((key, value) -> assertThat(value.toString()).as("en %s", key).isNotBlank());
        fr.forEach((key, value) -> assertThat(value.toString()).as("fr %s", key).isNotBlank());
    }

    @Test
    void formattedMessagesHaveNoBareApostrophe() throws IOException {
        // a bare ' in a message with {0} would swallow the text after it
        Pattern argument = Pattern.compile("\\{\\d}");
        for (String bundle : new String[] {"i18n/liaison.properties", "i18n/liaison_fr.properties"}) {
            Properties words = load(bundle);
            words.forEach((key, value) -> {
                Matcher m = argument.matcher(value.toString());
                if (m.find()) {
                    assertThat(value.toString().replace("''", "")).as("%s %s", bundle, key).doesNotContain("'");
                }
            });
        }
    }

    @Test
    void everyRuleOfTheSafeguardsCheckIsExplainedWithItsFix() throws IOException {
        Properties en = load("i18n/liaison.properties");
        for (String rule : new String[] {"AUTHORITY_REGISTERED", "COMPANY_REGISTERED", "LEGAL_BASIS", "LEGITIMATE_AIM",
                "NECESSITY", "JUDICIAL_AUTHORISATION", "BOUNDED_PERIOD", "SUBJECTS_EXACT", "OVERBREADTH", "GAG_BOUNDED",
                "JURISDICTION", "REFERRAL_NOT_COMPULSORY"}) {
            assertThat(en).containsKeys("liaison.finding." + rule + ".title", "liaison.finding." + rule + ".fix");
        }
        for (String state : Requests.STATES) {
            assertThat(en).containsKey("liaison.state." + state);
        }
        for (String type : Requests.TYPES) {
            assertThat(en).containsKeys("liaison.type." + type, "liaison.choose." + type);
        }
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LiaisonBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
