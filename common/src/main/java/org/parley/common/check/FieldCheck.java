package org.parley.common.check;

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
 * Collects every broken field of one input, so that a caller hears about all of them in a single 422 answer,
 * and nothing is stored unless all of them pass. Each check answers whether the field passed, so that a
 * caller can go on to check what depends on it. Texts are checked for what PostgreSQL cannot store (NUL) and
 * other control characters as well as for length, so that bad input never reaches the database as an error.
 */
public final class FieldCheck {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

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

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a {@link RuleViolation} listing every broken field, if any. */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw RuleViolation.ofFields(errors);
        }
    }

    /** Required text of at most {@code max} characters (after trimming, at least one). */
    public boolean text(String field, String value, int max) {
        return text(field, value, 1, max);
    }

    /** Required text of {@code min} to {@code max} characters (after trimming), so that a statement says something. */
    public boolean text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            add(field, "must not be blank");
            return false;
        }
        return optionalText(field, value, min, max);
    }

    /** Text that may be absent, but when given has at most {@code max} characters. */
    public boolean optionalText(String field, String value, int max) {
        return optionalText(field, value, 0, max);
    }

    /** Text that may be absent, but when given has {@code min} to {@code max} characters (after trimming). */
    public boolean optionalText(String field, String value, int min, int max) {
        if (value == null) {
            return true;
        }
        String trimmed = value.strip();
        if (trimmed.length() < min) {
            add(field, min <= 1 ? "must not be blank" : "must have at least " + min + " characters");
        } else if (trimmed.length() > max) {
            add(field, "must have at most " + max + " characters");
        } else if (!printable(trimmed)) {
            add(field, "must not contain control characters");
        } else {
            return true;
        }
        return false;
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

    /** An ISO 639-1 two-letter language code, lower case, e.g. {@code en}. */
    public boolean language(String field, String value) {
        if (value == null || !LANGUAGES.contains(value)) {
            add(field, "must be an ISO 639-1 language code, e.g. en");
            return false;
        }
        return true;
    }

    /** A BCP 47 language tag whose language is known, e.g. {@code de}, {@code pt-BR}. */
    public boolean languageTag(String field, String tag, boolean required) {
        if (tag == null || tag.isBlank()) {
            if (required) {
                add(field, "is required, e.g. \"fr\"");
            }
            return !required;
        }
        if (!isLanguageTag(tag)) {
            add(field, "must be a language tag such as \"fr\" or \"pt-BR\"");
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

    public static boolean isWebLink(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static boolean isLanguageTag(String tag) {
        if (tag == null || tag.length() > 35 || !LANGUAGE_TAG.matcher(tag).matches()) {
            return false;
        }
        String language = tag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return language.length() == 3 || LANGUAGES.contains(language);
    }

    /** No NUL or other control characters except line breaks and tabs, which free text may hold. */
    public static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Trimmed text, or null. */
    public static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
