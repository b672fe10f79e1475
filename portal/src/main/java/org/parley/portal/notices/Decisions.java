package org.parley.portal.notices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decision on an appeal as a form sends it, the company's (DSA Art. 20) and the independent
 * reviewer's (Art. 21) alike: the outcome, the reasoning and, for an incitement category, the
 * six parts of the Rabat Plan of Action's threshold test.
 */
public final class Decisions {

    /** appeal-service's {@code Outcome}. */
    public static final List<String> OUTCOMES = List.of("UPHELD", "REVERSED", "PARTIALLY_REVERSED");
    /** The six parts of the Rabat Plan of Action's threshold test, as the API names them. */
    public static final List<String> RABAT = List.of("context", "speaker", "intent", "contentAndForm", "extent",
            "likelihood");

    private Decisions() {
    }

    /** The decision's body; the six parts go only when the form had them (incitement categories). */
    public static Map<String, Object> body(Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", Forms.text(typed, "outcome"));
        body.put("reasoning", Forms.text(typed, "reasoning"));
        if (RABAT.stream().anyMatch(part -> typed.containsKey("rabat." + part))) {
            Map<String, Object> rabat = new LinkedHashMap<>();
            RABAT.forEach(part -> rabat.put(part, Forms.text(typed, "rabat." + part)));
            body.put("rabat", rabat);
        } else {
            body.put("rabat", null);
        }
        return body;
    }

    /** The fields a decision form has, for linking the API's messages to them. */
    public static List<String> fields() {
        List<String> fields = new java.util.ArrayList<>(List.of("outcome", "reasoning", "rabat"));
        RABAT.forEach(part -> fields.add("rabat." + part));
        return List.copyOf(fields);
    }
}
