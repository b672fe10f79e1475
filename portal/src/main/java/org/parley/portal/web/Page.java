package org.parley.portal.web;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.parley.portal.signin.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every template needs about the page being drawn: the person, the language and its
 * formats, the CSRF token for forms, and the words (from the message bundles, never from
 * a template).
 */
public final class Page {

    private final MessageSource messages;
    private final Locale locale;
    private final List<Locale> languages;
    private final Viewer viewer;
    private final CsrfToken csrf;
    private final String path;
    private final String query;

    public Page(MessageSource messages, Locale locale, List<Locale> languages, Viewer viewer, CsrfToken csrf,
            String path, String query) {
        this.messages = messages;
        this.locale = locale;
        this.languages = languages;
        this.viewer = viewer;
        this.csrf = csrf;
        this.path = path;
        this.query = query;
    }

    /** A message in the page's language; {@code args} fill {@code {0}}, {@code {1}}… */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A message, or {@code fallback} when the bundle has no such key (e.g. a code the API added later). */
    public String tOr(String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.toLanguageTag();
    }

    /** Text direction of the language, from its script: Arabic (and Hebrew, Persian, Urdu…) read right to left. */
    public String dir() {
        return rightToLeft(locale) ? "rtl" : "ltr";
    }

    public boolean rightToLeft() {
        return rightToLeft(locale);
    }

    static boolean rightToLeft(Locale language) {
        String script = Locale.forLanguageTag(language.toLanguageTag()).getScript();
        if (!script.isEmpty()) {
            return Set.of("Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg").contains(script);
        }
        return Set.of("ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb").contains(language.getLanguage());
    }

    /** An arrow pointing the way the text reads, for "from → to". */
    public String forward() {
        return rightToLeft() ? "←" : "→";
    }

    public List<Locale> languages() {
        return languages;
    }

    /** The language's own name for itself, e.g. "Français". */
    public String languageName(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.toLanguageTag() : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** This page again, in another language. */
    public String inLanguage(Locale language) {
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", language.toLanguageTag())
                .build().toUriString();
    }

    public Viewer viewer() {
        return viewer;
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public boolean is(String role) {
        return viewer != null && viewer.is(role);
    }

    public String path() {
        return path;
    }

    /** True on the page of {@code prefix} or below it, for marking the current navigation entry. */
    public boolean at(String prefix) {
        return "/".equals(prefix) ? "/".equals(path) : path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The form field of the CSRF token; every form that changes something carries it. */
    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    /** The token itself; read lazily, so that a visitor's public page creates no session. */
    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    /** The htmx request headers carrying the CSRF token (signed-in pages only), as JSON for {@code hx-headers}. */
    public String htmxHeaders() {
        return csrf == null || viewer == null ? "{}" : "{\"" + csrf.getHeaderName() + "\": \"" + csrf.getToken() + "\"}";
    }

    // ---- formats of the language ------------------------------------------------------------
    // Numbers and dates use the digits CLDR gives the language (DecimalStyle.of for java.time,
    // which would otherwise always write 0-9): for plain "ar" these are 0-9, for "ar-EG" ٠-٩,
    // the same in both, and in the numbers MessageFormat puts into messages.

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale)).withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale)).format(date);
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getInstance(locale).format(value);
    }

    /** A number as written in a label, without grouping: a year, a version, a quarter. */
    public String digits(long value) {
        NumberFormat format = NumberFormat.getIntegerInstance(locale);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    public String decimal(Double value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(1);
        return format.format(value);
    }

    /** A duration as people say it: "42 min", "1 h 05 min", "3 d 4 h". */
    public String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return t("duration.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return t("duration.hoursMinutes", minutes / 60, twoDigits(minutes % 60));
        }
        return t("duration.daysHours", minutes / (24 * 60), (minutes / 60) % 24);
    }

    private String twoDigits(long value) {
        NumberFormat format = NumberFormat.getIntegerInstance(locale);
        format.setMinimumIntegerDigits(2);
        return format.format(value);
    }

    /** "due in 42 min" or "overdue by 5 min", from now. */
    public String dueIn(Instant due) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), due);
        return left.isNegative() ? t("due.overdueBy", duration(left.negated())) : t("due.in", duration(left));
    }

    /** Machine-readable time for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
