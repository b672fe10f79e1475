package org.parley.portal.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.portal.api.ApiResult;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.api.Problem;
import org.springframework.util.MultiValueMap;

/** What the forms of the administrator desk share: reading what was typed, naming errors as the form does. */
final class AdminForms {

    private static final Pattern ROW = Pattern.compile("^(\\w+)\\[(\\d+)]");

    private AdminForms() {
    }

    /** The form as typed: one value per field, several values of one field joined by commas. */
    static Map<String, String> typed(MultiValueMap<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, list) -> {
            if (!"_csrf".equals(name) && list != null) {
                values.put(name, String.join(",", list.stream().map(v -> v == null ? "" : v).toList()));
            }
        });
        return values;
    }

    /** The stripped value, or null when nothing was typed. */
    static String text(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "de, FR  at" → [DE, FR, AT]: country codes as a person types them. */
    static List<String> codes(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;\\s]+")).filter(s -> !s.isBlank())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** An id from the URL, checked before it goes into an API path; anything odd is a page that does not exist. */
    static String safe(String id) {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new NotFoundPage();
        }
        return id;
    }

    /** The page's status for an API refusal: invalid input is drawn again as 422, other refusals keep theirs. */
    static int status(ApiResult.Refused<?> refused) {
        int status = refused.problem().status();
        return status == 400 ? 422 : status;
    }

    /** The problem with its field names renamed (a list's entries onto the one field that holds the list). */
    static Problem renamed(Problem problem, UnaryOperator<String> rename) {
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> fields.merge(rename.apply(field), message,
                (a, b) -> a.equals(b) ? a : a + " " + b));
        return new Problem(problem.status(), problem.title(), problem.detail(), fields, problem.findings(),
                problem.retryAfter());
    }

    /** {@code jurisdictions[2]} → {@code jurisdictions}: the form has one field for the whole list. */
    static String listField(String field) {
        return field.replaceAll("\\[\\d+]$", "");
    }

    /**
     * The API numbers the rows it was sent; the form left out its empty rows, so
     * {@code clauses[1].text} may be the form's third row: {@code sent} holds the form's row of
     * each row sent.
     */
    static String row(String field, String list, List<Integer> sent) {
        Matcher row = ROW.matcher(field);
        if (row.find() && row.group(1).equals(list)) {
            int index = Integer.parseInt(row.group(2));
            if (index < sent.size()) {
                return list + "[" + sent.get(index) + "]" + field.substring(row.end());
            }
        }
        return field;
    }

    /** How many rows of a repeating group the form carries ({@code clauses[4].text} → 5), at least {@code min}. */
    static int rows(Map<String, String> typed, String list, int min, int max) {
        int rows = min;
        Pattern field = Pattern.compile("^" + Pattern.quote(list) + "\\[(\\d+)]");
        for (String name : typed.keySet()) {
            Matcher m = field.matcher(name);
            if (m.find()) {
                rows = Math.max(rows, Math.min(max, Integer.parseInt(m.group(1)) + 1));
            }
        }
        return rows;
    }

    static List<Integer> range(int rows) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            all.add(i);
        }
        return all;
    }
}
