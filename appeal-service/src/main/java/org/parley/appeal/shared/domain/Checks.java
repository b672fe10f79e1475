package org.parley.appeal.shared.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;

/**
 * Collects every broken field of one input, so that a caller hears about all of them at once, then
 * refuses with a single 422. Texts are checked for what PostgreSQL cannot store (NUL) as well as for
 * length, so that bad input never reaches the database as an error.
 */
public final class Checks {

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private final List<FieldError> errors = new ArrayList<>();

    public static Checks start() {
        return new Checks();
    }

    public Checks add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** A required text of {@code min} to {@code max} characters (after trimming). */
    public Checks text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return add(field, "must not be blank");
        }
        return optionalText(field, value, min, max);
    }

    /** A text that may be absent, but when present has {@code min} to {@code max} characters. */
    public Checks optionalText(String field, String value, int min, int max) {
        if (value == null) {
            return this;
        }
        String trimmed = value.strip();
        if (trimmed.length() < min) {
            add(field, min <= 1 ? "must not be blank" : "must have at least " + min + " characters");
        } else if (trimmed.length() > max) {
            add(field, "must have at most " + max + " characters");
        } else if (!printable(trimmed)) {
            add(field, "must not contain control characters");
        }
        return this;
    }

    public Checks required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
        return this;
    }

    /** A BCP 47 language tag whose language is known, e.g. {@code de}, {@code pt-BR}. */
    public Checks language(String field, String tag, boolean required) {
        if (tag == null || tag.isBlank()) {
            return required ? add(field, "is required, e.g. \"fr\"") : this;
        }
        if (!isLanguage(tag)) {
            add(field, "must be a language tag such as \"fr\" or \"pt-BR\"");
        }
        return this;
    }

    public static boolean isLanguage(String tag) {
        if (tag == null || tag.length() > 35 || !LANGUAGE_TAG.matcher(tag).matches()) {
            return false;
        }
        String language = tag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return language.length() == 3 || LANGUAGES.contains(language);
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
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

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Refuses with every collected error, or does nothing when there is none. */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw RuleViolation.ofFields(errors);
        }
    }

    /** The value stripped of surrounding white space, or null. */
    public static String clean(String value) {
        return value == null ? null : value.strip();
    }
}
