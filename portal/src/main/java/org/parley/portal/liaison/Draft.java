package org.parley.portal.liaison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.portal.api.Problem;
import org.springframework.util.MultiValueMap;

/**
 * A request as the liaison is typing it: the form's fields by their API names
 * ({@code legalBasis.instrument}, {@code subjects[2].value}…), and the JSON body the API takes.
 * Empty fields are left out of the body, and so are subject rows with nothing in them; the rows
 * that are sent keep their place on the form ({@link #formIndex}), so that the API's
 * {@code subjects[0]} is shown beside the row the liaison filled in.
 */
final class Draft {

    /** Subject rows a fresh form offers. */
    static final int MIN_SUBJECT_ROWS = 3;
    static final int MAX_SUBJECT_ROWS = 200;

    private static final Pattern SUBJECT_FIELD = Pattern.compile("subjects\\[(\\d+)]\\.(kind|value)");
    private static final Pattern SUBJECT_REF = Pattern.compile("subjects\\[(\\d+)]");

    private final String type;
    private final Map<String, String> values;
    private final int subjectRows;
    /** For each subject sent to the API, its row on the form. */
    private final List<Integer> sentRows;

    private Draft(String type, Map<String, String> values, int subjectRows, List<Integer> sentRows) {
        this.type = type;
        this.values = values;
        this.subjectRows = subjectRows;
        this.sentRows = sentRows;
    }

    /** A fresh form of a type. */
    static Draft fresh(String type) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("type", type);
        return new Draft(type, values, MIN_SUBJECT_ROWS, List.of());
    }

    /** The form as posted; {@code extraRow} adds an empty subject row (the "add a subject" button). */
    static Draft of(MultiValueMap<String, String> params, boolean extraRow) {
        Map<String, String> values = new LinkedHashMap<>();
        int highestRow = -1;
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String name = param.getKey();
            if (name.equals("_csrf") || name.equals("check") || name.equals("addSubject")) {
                continue;
            }
            Matcher subject = SUBJECT_FIELD.matcher(name);
            if (subject.matches()) {
                int row = Integer.parseInt(subject.group(1));
                if (row >= MAX_SUBJECT_ROWS) {
                    continue;
                }
                highestRow = Math.max(highestRow, row);
            }
            List<String> given = param.getValue().stream().filter(v -> v != null && !v.isBlank()).toList();
            values.put(name, String.join(",", given));
        }
        String type = values.getOrDefault("type", "");
        int rows = Math.max(MIN_SUBJECT_ROWS, highestRow + 1) + (extraRow ? 1 : 0);
        rows = Math.min(rows, MAX_SUBJECT_ROWS);
        List<Integer> sent = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            if (!values.getOrDefault("subjects[" + row + "].value", "").isBlank()) {
                sent.add(row);
            }
        }
        return new Draft(type, values, rows, List.copyOf(sent));
    }

    String type() {
        return type;
    }

    Map<String, String> values() {
        return values;
    }

    String idempotencyKey() {
        return values.get("idempotencyKey");
    }

    Draft withIdempotencyKey(String key) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put("idempotencyKey", key);
        return new Draft(type, copy, subjectRows, sentRows);
    }

    int subjectRows() {
        return subjectRows;
    }

    /** The JSON body of {@code POST /api/v1/requests} and of its assessment. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        put(body, "targetCompanyId", text("targetCompanyId"));
        Map<String, Object> legalBasis = group("legalBasis.instrument", "legalBasis.provision", "legalBasis.jurisdiction");
        if (legalBasis != null) {
            String jurisdiction = (String) legalBasis.get("jurisdiction");
            if (jurisdiction != null) {
                legalBasis.put("jurisdiction", jurisdiction.toUpperCase(java.util.Locale.ROOT));
            }
            body.put("legalBasis", legalBasis);
        }
        put(body, "legitimateAim", text("legitimateAim"));
        put(body, "necessityStatement", text("necessityStatement"));
        put(body, "proportionalityStatement", text("proportionalityStatement"));
        List<Map<String, Object>> subjects = new ArrayList<>();
        for (int row : sentRows) {
            Map<String, Object> subject = new LinkedHashMap<>();
            subject.put("kind", values.getOrDefault("subjects[" + row + "].kind", "URL").isBlank() ? "URL"
                    : values.get("subjects[" + row + "].kind"));
            subject.put("value", values.get("subjects[" + row + "].value").strip());
            subjects.add(subject);
        }
        body.put("subjects", subjects);
        put(body, "statementOfReasons", text("statementOfReasons"));
        if (Requests.concernsData(type)) {
            String categories = text("dataCategories");
            if (categories != null) {
                body.put("dataCategories", List.of(categories.split(",")));
            }
            put(body, "period", group("period.from", "period.to"));
        }
        if (Requests.disclosesData(type)) {
            put(body, "judicialAuthorisation", group("judicialAuthorisation.court", "judicialAuthorisation.reference",
                    "judicialAuthorisation.date"));
        }
        put(body, "confidentiality", group("confidentiality.until", "confidentiality.justification"));
        put(body, "urgency", text("urgency"));
        if (!"REFERRAL".equals(type)) {
            String answerBy = text("answerBy");
            if (answerBy != null) {
                // a datetime-local field, read as UTC as its label says
                body.put("answerBy", answerBy.length() == 16 ? answerBy + ":00Z" : answerBy.endsWith("Z") ? answerBy : answerBy + "Z");
            }
        }
        return body;
    }

    /**
     * The API's problem with its subject indices turned back into form rows, so that field errors
     * land beside the row the liaison typed and findings point at it.
     */
    Problem onForm(Problem problem) {
        if (problem == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> fields.merge(rowOf(field), message, (a, b) -> a + " " + b));
        List<Problem.Finding> findings = problem.findings().stream()
                .map(f -> new Problem.Finding(f.rule(), f.severity(), rowsIn(f.message()), f.field()))
                .toList();
        return new Problem(problem.status(), problem.title(), problem.detail(), fields, findings, problem.retryAfter());
    }

    /** A message of the API with {@code subjects[i]} renumbered to the form's row. */
    String rowsIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = SUBJECT_REF.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("subjects[" + formIndex(Integer.parseInt(m.group(1))) + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The form row of the API's {@code subjects[index]}. */
    int formIndex(int apiIndex) {
        return apiIndex >= 0 && apiIndex < sentRows.size() ? sentRows.get(apiIndex) : apiIndex;
    }

    private String rowOf(String field) {
        Matcher m = Pattern.compile("^subjects\\[(\\d+)](.*)$").matcher(field);
        if (m.matches()) {
            return "subjects[" + formIndex(Integer.parseInt(m.group(1))) + "]" + m.group(2);
        }
        return field;
    }

    private String text(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The fields of one JSON object ({@code prefix.name}), or null when all are empty. */
    private Map<String, Object> group(String... names) {
        Map<String, Object> group = new LinkedHashMap<>();
        boolean any = false;
        for (String name : names) {
            String value = text(name);
            group.put(name.substring(name.indexOf('.') + 1), value);
            any |= value != null;
        }
        return any ? group : null;
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
