package org.parley.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Holds the portal to its language rules: every word comes from a message bundle and every
 * key the code names exists ({@link MessageBundlesTest} holds the bundles to every language).
 */
class PortalWordsTest {

    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path SOURCES = Path.of("src/main/java");
    /** Names that are not words to translate. */
    private static final Set<String> NAMES = Set.of("Parley");
    private static final Set<String> WORDY_ATTRIBUTES = Set.of("aria-label", "title", "alt", "placeholder",
            "aria-description", "aria-roledescription", "label");

    @Test
    void everyKeyNamedInTheCodeExists() throws IOException {
        Properties all = new Properties();
        bundles().forEach(base -> all.putAll(load(base)));
        Pattern literalKey = Pattern.compile("\\.(?:t|tOr)\\(\"([A-Za-z0-9_.-]+)\"\\s*[,)]");
        List<String> missing = new ArrayList<>();
        for (Path file : files(TEMPLATES, ".jte", SOURCES, ".java")) {
            Matcher keys = literalKey.matcher(Files.readString(file));
            while (keys.find()) {
                if (!all.containsKey(keys.group(1))) {
                    missing.add(file + ": " + keys.group(1));
                }
            }
        }
        assertThat(missing).as("message keys used but defined in no bundle").isEmpty();
    }

    @Test
    void noTemplateHoldsWordsOfItsOwn() throws IOException {
        List<String> wordy = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".jte")) {
            String text = Files.readString(template);
            for (String line : visibleText(text)) {
                wordy.add(template + ": \"" + line + "\"");
            }
            Matcher attribute = Pattern.compile("\\s([a-z-]+)=\"([^\"]*)\"").matcher(withoutCode(text));
            while (attribute.find()) {
                if (WORDY_ATTRIBUTES.contains(attribute.group(1)) && hasWords(attribute.group(2))) {
                    wordy.add(template + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
                }
            }
        }
        assertThat(wordy).as("words written in templates instead of message bundles").isEmpty();
    }

    /** The text between tags, with template expressions and directives taken out. */
    private static List<String> visibleText(String template) {
        String text = withoutCode(template);
        text = text.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ");
        text = text.replaceAll("(?s)<[^>]*>", "\n");
        List<String> found = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (hasWords(line)) {
                found.add(line.trim());
            }
        }
        return found;
    }

    /** Removes jte comments, expressions ({@code ${…}}, {@code $unsafe{…}}), calls and directive lines. */
    static String withoutCode(String template) {
        String text = template.replaceAll("(?s)<%--.*?--%>", " ");
        text = removeBalanced(text, "$unsafe{", '{', '}');
        text = removeBalanced(text, "${", '{', '}');
        text = removeBalanced(text, "!{", '{', '}');
        text = removeTemplateCalls(text);
        text = removeBalanced(text, "@if(", '(', ')');
        text = removeBalanced(text, "@elseif(", '(', ')');
        text = removeBalanced(text, "@for(", '(', ')');
        text = text.replaceAll("(?m)^\\s*@(import|param|raw|endraw)\\b.*$", " ");
        text = text.replaceAll("@(else|endif|endfor)\\b", " ");
        return text.replace("`)", " ").replace("@`", " ");
    }

    /**
     * Removes {@code @template.x(...)} calls but keeps the content blocks ({@code @`…`}) they
     * pass, since those hold the page's markup.
     */
    private static String removeTemplateCalls(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int start = text.indexOf("@template.", i);
            if (start < 0) {
                return out.append(text, i, text.length()).toString();
            }
            out.append(text, i, start).append(' ');
            int content = text.indexOf("@`", start);
            int depth = 0;
            int j = text.indexOf('(', start);
            boolean inString = false;
            for (; j >= 0 && j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '"' && text.charAt(j - 1) != '\\') {
                    inString = !inString;
                } else if (!inString && c == '(') {
                    depth++;
                } else if (!inString && c == ')' && --depth == 0) {
                    break;
                }
                if (!inString && j == content) {
                    break;
                }
            }
            if (j < 0) {
                return out.toString();
            }
            i = j == content ? content + 2 : Math.min(j + 1, text.length());
        }
    }

    private static String removeBalanced(String text, String opener, char open, char close) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int start = text.indexOf(opener, i);
            if (start < 0) {
                out.append(text, i, text.length());
                return out.toString();
            }
            out.append(text, i, start).append(' ');
            int depth = 0;
            int j = start + opener.length() - 1;
            boolean inString = false;
            for (; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '"' && text.charAt(j - 1) != '\\') {
                    inString = !inString;
                } else if (!inString && c == open) {
                    depth++;
                } else if (!inString && c == close && --depth == 0) {
                    break;
                }
            }
            i = Math.min(j + 1, text.length());
        }
    }

    private static boolean hasWords(String text) {
        String rest = text.replaceAll("&[a-z]+;|&#[0-9]+;", " ");
        for (String name : NAMES) {
            rest = rest.replace(name, " ");
        }
        return rest.codePoints().anyMatch(Character::isLetter);
    }

    private static List<Path> bundles() {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(f -> f.getFileName().toString().matches("[a-z-]+\\.properties")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Object... rootsAndSuffixes) throws IOException {
        List<Path> found = new ArrayList<>();
        for (int i = 0; i < rootsAndSuffixes.length; i += 2) {
            Path root = (Path) rootsAndSuffixes[i];
            String suffix = (String) rootsAndSuffixes[i + 1];
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(suffix)).sorted().forEach(found::add);
            }
        }
        return found;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
