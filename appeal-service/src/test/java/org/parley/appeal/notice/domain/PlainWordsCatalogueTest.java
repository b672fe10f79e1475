package org.parley.appeal.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every phrase of a statement of reasons exists in every language, with the same blanks: a key missing in
 * one language, or a blank left out or misspelt, fails here rather than showing English (or a brace) to a
 * reader in another language.
 */
class PlainWordsCatalogueTest {

    private static final Pattern BLANK = Pattern.compile("\\{([^}]*)}");

    @Test
    void everyLanguageHasEveryKeyOfTheBaseAndNoOther() {
        Properties base = file("");
        for (Locale language : translations()) {
            Properties translated = file("_" + language.getLanguage());
            assertThat(new TreeSet<>(translated.stringPropertyNames())).as("keys of " + language)
                    .isEqualTo(new TreeSet<>(base.stringPropertyNames()));
            for (String key : base.stringPropertyNames()) {
                assertThat(translated.getProperty(key)).as(key + " in " + language).isNotBlank();
                assertThat(blanks(translated.getProperty(key))).as("blanks of " + key + " in " + language)
                        .isEqualTo(blanks(base.getProperty(key)));
            }
        }
    }

    @Test
    void theBaseHasAPhraseForEveryRestrictionGroundAndRequestType() {
        Set<String> keys = file("").stringPropertyNames();
        List<String> needed = new ArrayList<>();
        for (Restriction restriction : Restriction.values()) {
            needed.add("action." + restriction.name());
        }
        for (Ground ground : Ground.values()) {
            needed.add("ground." + ground.name());
        }
        for (String type : PlainWords.REQUEST_TYPES) {
            needed.add("order." + type);
        }
        needed.add("order.OTHER");
        assertThat(keys).containsAll(needed);
    }

    private static List<Locale> translations() {
        return PlainWords.LANGUAGES.stream().filter(l -> !l.equals(PlainWords.LANGUAGES.getFirst())).toList();
    }

    private static Set<String> blanks(String phrase) {
        Set<String> names = new TreeSet<>();
        Matcher m = BLANK.matcher(phrase);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Properties file(String suffix) {
        String name = Phrases.BUNDLE + suffix + ".properties";
        try (InputStream in = PlainWordsCatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
