package org.parley.stakeholder.shared.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;

/**
 * Collects every broken field of one input, so that a caller hears about all of them in a single
 * 422 answer, and nothing is stored unless all of them pass.
 */
public final class FieldCheck {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final List<FieldError> errors = new ArrayList<>();

    public static FieldCheck start() {
        return new FieldCheck();
    }

    public FieldCheck add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Required text of at most {@code max} characters (after trimming, at least one). */
    public boolean text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "must not be blank");
            return false;
        }
        return optionalText(field, value, max);
    }

    /** Text that may be absent, but when given has at most {@code max} characters. */
    public boolean optionalText(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            add(field, "must have at most " + max + " characters");
            return false;
        }
        return true;
    }

    /** Text of at least {@code min} characters, so that a statement says something. */
    public boolean text(String field, String value, int min, int max) {
        if (!text(field, value, max)) {
            return false;
        }
        if (value.strip().length() < min) {
            add(field, "must have at least " + min + " characters");
            return false;
        }
        return true;
    }

    public boolean required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public boolean email(String field, String value) {
        if (!text(field, value, 254)) {
            return false;
        }
        if (!EMAIL.matcher(value.strip()).matches()) {
            add(field, "must be an e-mail address");
            return false;
        }
        return true;
    }

    /** An absolute http(s) link with a host, at most 2000 characters. */
    public boolean url(String field, String value) {
        if (!text(field, value, 2000)) {
            return false;
        }
        if (!isWebLink(value.strip())) {
            add(field, "must be an absolute http or https link");
            return false;
        }
        return true;
    }

    /** ISO 639-1 two-letter language codes, lower case, e.g. {@code en}. */
    public boolean language(String field, String value) {
        if (value == null || !LANGUAGES.contains(value)) {
            add(field, "must be an ISO 639-1 language code, e.g. en");
            return false;
        }
        return true;
    }

    public boolean size(String field, Collection<?> values, int min, int max) {
        int size = values == null ? 0 : values.size();
        if (size < min) {
            add(field, min == 1 ? "must not be empty" : "must have at least " + min + " entries");
            return false;
        }
        if (size > max) {
            add(field, "must have at most " + max + " entries");
            return false;
        }
        return true;
    }

    public boolean range(String field, Number value, long min, long max) {
        if (!required(field, value)) {
            return false;
        }
        if (value.longValue() < min || value.longValue() > max || value.doubleValue() != value.longValue()) {
            add(field, "must be a whole number from " + min + " to " + max);
            return false;
        }
        return true;
    }

    /** Reports the first repeated value of a list, naming its index. */
    public <T> boolean distinct(String field, List<T> values) {
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                add(field + "[" + i + "]", "is a duplicate");
                return false;
            }
        }
        return true;
    }

    /** Throws a {@link RuleViolation} listing every broken field, if any. */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw RuleViolation.ofFields(errors);
        }
    }

    public static boolean isWebLink(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Trimmed text, or null. */
    public static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
