package org.parley.portal.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The liaison desk's words cover every code of the API it shows; web/MessageBundlesTest holds the languages. */
class LiaisonBundlesTest {

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
