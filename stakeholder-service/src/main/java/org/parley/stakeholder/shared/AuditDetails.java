package org.parley.stakeholder.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The optional JSON details of an audit record: ids and codes only, never personal data. */
public final class AuditDetails {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditDetails() {}

    /** Pairs of key and value, e.g. {@code of("sphereId", id, "area", "OVERSIGHT")}. */
    public static String of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1] == null ? null : String.valueOf(keysAndValues[i + 1]));
        }
        return JSON.writeValueAsString(details);
    }
}
