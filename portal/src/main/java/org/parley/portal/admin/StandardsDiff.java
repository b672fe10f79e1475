package org.parley.portal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/**
 * What a new version of the standards changes against the version in force, computed from the
 * two JSON documents (the API's view of the version in force, the draft as the admin wrote it):
 * content categories matched by {@code code}, answer times by request {@code type}, the other
 * request rules field by field. The summary is the new version's note and is not compared.
 *
 * @param entries every added, removed and changed entry, in the order of the documents
 */
public record StandardsDiff(List<Entry> entries) {

    /** Lists whose order carries no meaning: compared as sets, so a reordering is no change. */
    private static final Set<String> UNORDERED = Set.of("judicialAuthorisationRequiredFor", "legitimateAims");
    private static final String SEPARATOR = " · ";

    public StandardsDiff {
        entries = List.copyOf(entries);
    }

    public enum Change { ADDED, REMOVED, CHANGED }

    /** One kind of entry of the standards. */
    public enum Section { CONTENT_CATEGORY, REQUEST_RULES, ANSWER_TIME }

    /**
     * One entry that differs; {@code key} names it within its section (a category's code, a
     * request type, or null for the request rules as a whole).
     */
    public record Entry(Change change, Section section, String key, List<Field> fields) {
        public Entry {
            fields = List.copyOf(fields);
        }
    }

    /** One field as it was and as it would be; null where it has no value. */
    public record Field(String name, String before, String after) {
    }

    public static StandardsDiff between(JsonNode inForce, JsonNode proposed) {
        List<Entry> entries = new ArrayList<>();
        keyed(entries, Section.CONTENT_CATEGORY, "code", inForce.path("contentCategories"),
                proposed.path("contentCategories"));
        JsonNode rulesBefore = inForce.path("requestRules");
        JsonNode rulesAfter = proposed.path("requestRules");
        List<Field> rules = fields(without(rulesBefore, "answerTimes"), without(rulesAfter, "answerTimes"), false);
        if (!rules.isEmpty()) {
            entries.add(new Entry(Change.CHANGED, Section.REQUEST_RULES, null, rules));
        }
        keyed(entries, Section.ANSWER_TIME, "type", rulesBefore.path("answerTimes"), rulesAfter.path("answerTimes"));
        return new StandardsDiff(entries);
    }

    public boolean empty() {
        return entries.isEmpty();
    }

    public List<Entry> of(Change change) {
        return entries.stream().filter(e -> e.change() == change).toList();
    }

    /** Entries of two lists matched by a key field: those only before are removed, only after added. */
    private static void keyed(List<Entry> entries, Section section, String keyField, JsonNode before, JsonNode after) {
        Map<String, JsonNode> old = byKey(before, keyField);
        Map<String, JsonNode> proposed = byKey(after, keyField);
        for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
            JsonNode now = proposed.get(entry.getKey());
            if (now == null) {
                entries.add(new Entry(Change.REMOVED, section, entry.getKey(),
                        fields(without(entry.getValue(), keyField), null, true)));
            } else {
                List<Field> changed = fields(without(entry.getValue(), keyField), without(now, keyField), false);
                if (!changed.isEmpty()) {
                    entries.add(new Entry(Change.CHANGED, section, entry.getKey(), changed));
                }
            }
        }
        for (Map.Entry<String, JsonNode> entry : proposed.entrySet()) {
            if (!old.containsKey(entry.getKey())) {
                entries.add(new Entry(Change.ADDED, section, entry.getKey(),
                        fields(null, without(entry.getValue(), keyField), true)));
            }
        }
    }

    private static Map<String, JsonNode> byKey(JsonNode list, String keyField) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        int position = 0;
        for (JsonNode item : list.isArray() ? list.values() : List.<JsonNode>of()) {
            position++;
            String key = item.path(keyField).isValueNode() && !item.path(keyField).asString().isBlank()
                    ? item.path(keyField).asString() : "#" + position;
            byKey.putIfAbsent(key, item);
        }
        return byKey;
    }

    /**
     * The fields of two objects that differ (or, with {@code all}, every field that has a value):
     * the fields of the first in its order, then those only the second has.
     */
    private static List<Field> fields(Map<String, JsonNode> before, Map<String, JsonNode> after, boolean all) {
        Set<String> names = new LinkedHashSet<>();
        if (before != null) {
            names.addAll(before.keySet());
        }
        if (after != null) {
            names.addAll(after.keySet());
        }
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            String was = before == null ? null : text(name, before.get(name));
            String is = after == null ? null : text(name, after.get(name));
            if (all ? (was != null || is != null) : !Objects.equals(was, is)) {
                fields.add(new Field(name, was, is));
            }
        }
        return fields;
    }

    private static Map<String, JsonNode> without(JsonNode object, String skipped) {
        if (object == null || !object.isObject()) {
            return Map.of();
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        object.properties().forEach(p -> {
            if (!p.getKey().equals(skipped)) {
                fields.put(p.getKey(), p.getValue());
            }
        });
        return fields;
    }

    /** A value as the preview shows it: lists joined, unordered ones sorted; null for no value. */
    static String text(String name, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = StreamSupport.stream(value.spliterator(), false)
                    .map(item -> item.isValueNode() ? item.asString() : item.toString()).collect(Collectors.toList());
            if (UNORDERED.contains(name)) {
                items = items.stream().sorted().toList();
            }
            return items.isEmpty() ? null : String.join(SEPARATOR, items);
        }
        if (value.isValueNode()) {
            String text = value.asString();
            return text.isEmpty() ? null : text;
        }
        return value.toString();
    }
}
