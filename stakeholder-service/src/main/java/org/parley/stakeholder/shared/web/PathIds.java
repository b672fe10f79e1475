package org.parley.stakeholder.shared.web;

import java.util.OptionalInt;
import java.util.UUID;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.RuleViolation;

/** Reading ids and versions from paths and headers: a malformed id is simply not found. */
public final class PathIds {

    private PathIds() {}

    public static UUID parse(String what, String text) {
        return Ids.parse(text).orElseThrow(() -> new NotFound(what, text));
    }

    /** The version of an {@code If-Match} header ({@code "3"} or {@code W/"3"}); empty when absent. */
    public static OptionalInt ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return OptionalInt.empty();
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return OptionalInt.of(Integer.parseInt(tag));
        } catch (NumberFormatException e) {
            throw RuleViolation.ofField("If-Match", "must be an ETag this service issued, e.g. \"3\"");
        }
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
