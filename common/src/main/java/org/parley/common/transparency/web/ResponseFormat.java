package org.parley.common.transparency.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.parley.common.kernel.RuleViolation;
import org.springframework.http.MediaType;

/**
 * Whether a public report or listing answers as CSV or JSON, the same way everywhere: {@code ?format=csv} or
 * {@code json} by name, otherwise CSV only when the Accept header prefers it to JSON. Any other format is a
 * field error; an unreadable Accept header is JSON.
 */
public final class ResponseFormat {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private ResponseFormat() {}

    public static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw RuleViolation.ofField("format", "must be json or csv");
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            return false;
        }
        double csv = 0;
        double json = 0;
        for (MediaType type : accepted) {
            if (type.includes(CSV)) {
                csv = Math.max(csv, type.getQualityValue());
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return csv > json;
    }
}
