package org.parley.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The style sheets name logical sides only, so that a right-to-left page is the mirror image of the others. */
class StylesTest {

    private static final Pattern PHYSICAL = Pattern.compile(
            "(?<![\\w-])(?:(?:margin|padding|border)-(?:left|right)(?:-\\w+)?\\s*:|(?:left|right)\\s*:"
                    + "|(?:text-align|float|clear)\\s*:\\s*(?:left|right))");

    @Test
    void noStyleNamesALeftOrRightSide() throws IOException {
        List<String> physical = new ArrayList<>();
        try (Stream<Path> sheets = Files.list(Path.of("src/main/resources/static/assets"))) {
            for (Path sheet : sheets.filter(f -> f.toString().endsWith(".css")).sorted().toList()) {
                String css = Files.readString(sheet).replaceAll("(?s)/\\*.*?\\*/", " ");
                Matcher m = PHYSICAL.matcher(css);
                while (m.find()) {
                    physical.add(sheet.getFileName() + ": " + m.group());
                }
            }
        }
        assertThat(physical).as("physical sides where a logical one (inline-start/end) mirrors for Arabic").isEmpty();
    }
}
