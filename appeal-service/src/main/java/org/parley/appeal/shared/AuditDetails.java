package org.parley.appeal.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The JSON {@code details} of an audit record: ids and codes only, never personal data or free text. */
public final class AuditDetails {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> values = new LinkedHashMap<>();

    public static AuditDetails with(String key, Object value) {
        return new AuditDetails().and(key, value);
    }

    public AuditDetails and(String key, Object value) {
        if (value != null) {
            values.put(key, value instanceof Enum<?> e ? e.name() : value instanceof Number || value instanceof Boolean ? value : String.valueOf(value));
        }
        return this;
    }

    public String json() {
        return JSON.writeValueAsString(values);
    }
}
