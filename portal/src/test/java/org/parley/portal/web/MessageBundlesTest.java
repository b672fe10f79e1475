package org.parley.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Holds every message bundle in {@code i18n/} — those there now and any added later — to the
 * languages the portal offers ({@code parley.portal.languages}): each language has the file,
 * the same keys as the default language, no empty message, the same placeholders, messages
 * that {@link MessageFormat} reads as they were meant, and words of its own.
 */
class MessageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private static final Properties SETTINGS = settings();
    private static final List<Locale> LANGUAGES = Arrays.stream(SETTINGS.getProperty("parley.portal.languages")
            .split(",")).map(String::strip).map(Locale::forLanguageTag).toList();

    @Test
    void thePortalOffersEnglishFrenchGermanAndArabicEnglishFirst() {
        assertThat(LANGUAGES).extracting(Locale::toLanguageTag).containsExactly("en", "fr", "de", "ar");
    }

    @Test
    void everyBundleHasEveryKeyInEveryLanguageAndNoEmptyMessage() {
        List<String> problems = new ArrayList<>();
        for (Path base : bundles()) {
            Properties words = load(base);
            assertThat(words).as(base.getFileName().toString()).isNotEmpty();
            empty(base, words, problems);
            for (Locale language : translations()) {
                Path translated = translation(base, language);
                if (!Files.exists(translated)) {
                    problems.add(translated.getFileName() + " is missing");
                    continue;
                }
                Properties other = load(translated);
                for (String key : new TreeSet<>(words.stringPropertyNames())) {
                    if (!other.containsKey(key)) {
                        problems.add(translated.getFileName() + " lacks " + key);
                    }
                }
                for (String key : new TreeSet<>(other.stringPropertyNames())) {
                    if (!words.containsKey(key)) {
                        problems.add(translated.getFileName() + " has " + key + ", which " + base.getFileName()
                                + " does not");
                    }
                }
                empty(translated, other, problems);
            }
        }
        assertThat(problems).as("keys missing or empty in a language").isEmpty();
    }

    @Test
    void everyTranslationHasTheSamePlaceholdersAsTheDefaultLanguage() {
        List<String> problems = new ArrayList<>();
        for (Path base : bundles()) {
            Properties words = load(base);
            for (Locale language : translations()) {
                Path translated = translation(base, language);
                if (!Files.exists(translated)) {
                    continue;
                }
                Properties other = load(translated);
                words.stringPropertyNames().stream().filter(other::containsKey).sorted().forEach(key -> {
                    Set<String> expected = arguments(words.getProperty(key));
                    Set<String> found = arguments(other.getProperty(key));
                    if (!expected.equals(found)) {
                        problems.add(translated.getFileName() + " " + key + ": " + found + " instead of " + expected);
                    }
                });
            }
        }
        assertThat(problems).as("placeholders that differ between languages").isEmpty();
    }

    @Test
    void arrowsPointTheWayARightToLeftLanguageReads() {
        // "← previous" becomes "→ previous" in Arabic: the way back is to the right
        List<String> problems = new ArrayList<>();
        for (Path base : bundles()) {
            Properties words = load(base);
            for (Locale language : translations()) {
                Path translated = translation(base, language);
                if (!Page.rightToLeft(language) || !Files.exists(translated)) {
                    continue;
                }
                Properties other = load(translated);
                words.stringPropertyNames().stream().filter(other::containsKey).sorted().forEach(key -> {
                    String expected = mirrored(arrows(words.getProperty(key)));
                    String found = arrows(other.getProperty(key));
                    if (!expected.equals(found)) {
                        problems.add(translated.getFileName() + " " + key + ": arrows " + found + " instead of " + expected);
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String arrows(String message) {
        return message.replaceAll("[^←→]", "");
    }

    private static String mirrored(String arrows) {
        return arrows.replace('←', '\u0000').replace('→', '←').replace('\u0000', '→');
    }

    @Test
    void everyMessageReadsAsMeant() {
        // a message with arguments goes through MessageFormat, where a bare ' swallows the text after
        // it (write ’ or ''); one without arguments is shown as written, so '' would show doubled
        List<String> problems = new ArrayList<>();
        for (Path file : allFiles()) {
            Locale language = languageOf(file);
            load(file).forEach((key, value) -> {
                String text = value.toString();
                if (!arguments(text).isEmpty()) {
                    if (text.replace("''", "").contains("'")) {
                        problems.add(file.getFileName() + " " + key + ": bare apostrophe");
                    }
                    try {
                        new MessageFormat(text, language);
                    } catch (IllegalArgumentException e) {
                        problems.add(file.getFileName() + " " + key + ": " + e.getMessage());
                    }
                } else if (text.contains("''")) {
                    problems.add(file.getFileName() + " " + key + ": '' in a message without arguments");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noTranslationIsTheDefaultLanguageLeftInPlace() {
        // a few words are the same in several languages ("Service", "Status", "CSV"), whole pages are not
        List<String> problems = new ArrayList<>();
        for (Path base : bundles()) {
            Properties words = load(base);
            for (Locale language : translations()) {
                Properties translated = load(translation(base, language));
                long same = words.stringPropertyNames().stream()
                        .filter(key -> words.getProperty(key).equals(translated.getProperty(key))).count();
                if (same * 10 > words.size()) {
                    problems.add(translation(base, language).getFileName() + ": " + same + " of " + words.size()
                            + " messages as in " + base.getFileName());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyBundleIsReadByThePortalAndNoKeyIsInTwoBundles() {
        List<String> read = Arrays.stream(SETTINGS.getProperty("spring.messages.basename").split(","))
                .map(String::strip).toList();
        Map<String, String> owner = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path base : bundles()) {
            String name = base.getFileName().toString().replace(".properties", "");
            if (!read.contains("i18n/" + name)) {
                problems.add(name + " is not in spring.messages.basename");
            }
            for (String key : load(base).stringPropertyNames()) {
                String before = owner.putIfAbsent(key, name);
                if (before != null) {
                    // the first bundle named would shadow the other one
                    problems.add(key + " is in both " + before + " and " + name);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void empty(Path file, Properties words, List<String> problems) {
        words.forEach((key, value) -> {
            if (value.toString().isBlank()) {
                problems.add(file.getFileName() + " " + key + " is empty");
            }
        });
    }

    private static Set<String> arguments(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<Locale> translations() {
        return LANGUAGES.subList(1, LANGUAGES.size());
    }

    private static Path translation(Path base, Locale language) {
        return base.resolveSibling(base.getFileName().toString()
                .replace(".properties", "_" + language.toLanguageTag().replace('-', '_') + ".properties"));
    }

    private static Locale languageOf(Path file) {
        Matcher m = Pattern.compile("_([a-zA-Z_]+)\\.properties$").matcher(file.getFileName().toString());
        return m.find() ? Locale.forLanguageTag(m.group(1).replace('_', '-')) : LANGUAGES.getFirst();
    }

    /** The bundles in the default language: {@code common.properties}, not {@code common_fr.properties}. */
    private static List<Path> bundles() {
        return allFiles().stream().filter(f -> f.getFileName().toString().matches("[a-z-]+\\.properties")).toList();
    }

    private static List<Path> allFiles() {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As Spring reads them (spring.messages.encoding is UTF-8). */
    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Properties settings() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject();
    }
}
