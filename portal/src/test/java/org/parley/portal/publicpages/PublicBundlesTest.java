package org.parley.portal.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class PublicBundlesTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PublicBundlesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndFrenchHaveTheSameKeysAndNoEmptyValue() throws IOException {
        Properties english = bundle("public");
        Properties french = bundle("public_fr");
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (Properties p : new Properties[] {english, french}) {
            p.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
        }
    }

    @Test
    void everyKeyIsOfThePublicPagesAlone() throws IOException {
        // one namespace, so that the bundles of other pages never shadow or are shadowed by these
        assertThat(bundle("public").stringPropertyNames()).allMatch(key -> key.startsWith("pub."));
    }

    @Test
    void messagesWithArgumentsHaveNoPlainApostrophe() throws IOException {
        // MessageFormat would swallow it: write ’ instead
        for (String name : new String[] {"public", "public_fr"}) {
            bundle(name).forEach((key, value) -> {
                if (value.toString().contains("{0")) {
                    assertThat(value.toString()).as(name + ": " + key).doesNotContain("'");
                }
            });
        }
    }
}
