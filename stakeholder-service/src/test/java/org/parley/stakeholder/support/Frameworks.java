package org.parley.stakeholder.support;

import java.util.List;
import java.util.Map;

/** Framework bodies for tests. */
public final class Frameworks {

    private Frameworks() {}

    public static Map<String, Object> framework(String name, String... clauseNumbers) {
        List<Map<String, String>> clauses = java.util.Arrays.stream(clauseNumbers)
                .map(n -> Map.of("number", n, "text", "Clause " + n + " of " + name))
                .toList();
        return Map.of("name", name, "sourceUrl", "https://example.org/" + name.replace(' ', '-'), "clauses", clauses);
    }
}
