package org.parley.portal.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parley.portal.api.Problem;

/**
 * A form as it is drawn again after the API refused it: what the person typed stays, and
 * the API's field errors stand beside the fields they name.
 *
 * @param values  what was submitted, by field name (the API's names, e.g. {@code legalBasis.instrument})
 * @param problem the API's refusal, or {@code null} on a fresh form
 */
public record Form(Map<String, String> values, Problem problem) {

    public static final Form EMPTY = new Form(Map.of(), null);

    public Form {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static Form of(Map<String, String> values) {
        return new Form(values, null);
    }

    public Form refusedBy(Problem refusal) {
        return new Form(values, refusal);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String value(String field, String fallback) {
        String value = values.get(field);
        return value == null || value.isEmpty() ? fallback : value;
    }

    public boolean checked(String field, String option) {
        String value = values.get(field);
        return value != null && List.of(value.split(",")).contains(option);
    }

    public Optional<String> error(String field) {
        return problem == null ? Optional.empty() : problem.errorFor(field);
    }

    /** {@code "true"} for a field the API refused, else null (so the attribute is left out). */
    public String invalid(String field) {
        return error(field).isPresent() ? "true" : null;
    }

    public boolean refused() {
        return problem != null;
    }

    /** The ids that describe a field (its hint, its error), or null when none. */
    public String describedBy(String field, boolean hasHint) {
        String ids = ((hasHint ? id(field) + "-hint " : "") + (error(field).isPresent() ? id(field) + "-error" : "")).trim();
        return ids.isEmpty() ? null : ids;
    }

    /** The id of a field's element, derived from its API name: {@code legalBasis.instrument} → {@code f-legalBasis-instrument}. */
    public static String id(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
