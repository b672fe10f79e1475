package org.parley.portal.publicpages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

/** The archive page's filters as it read them: each one valid, or absent (a filter the page cannot read is left out). */
public record ArchiveFilters(String country, String type, String outcome, LocalDate from, LocalDate to, String q, String authority,
        String company) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    public static ArchiveFilters read(String country, String type, String outcome, String from, String to, String q, String authority,
            String company) {
        return new ArchiveFilters(
                country != null && COUNTRY.matcher(country.strip()).matches() ? country.strip().toUpperCase(Locale.ROOT) : null,
                type != null && PublicArchivePages.TYPES.contains(type) ? type : null,
                outcome != null && PublicArchivePages.OUTCOMES.contains(outcome) ? outcome : null,
                day(from), day(to),
                q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(200, q.strip().length())),
                authority != null && PublicCommitmentPages.ID.matcher(authority).matches() ? authority : null,
                company != null && PublicCommitmentPages.ID.matcher(company).matches() ? company : null);
    }

    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("country", country);
        params.put("type", type);
        params.put("outcome", outcome);
        params.put("from", from);
        params.put("to", to);
        params.put("q", q);
        params.put("authority", authority);
        params.put("company", company);
        return params;
    }

    /** A path with these filters (and more), each encoded. */
    String path(String base, Map<String, Object> more) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
        Map<String, Object> all = params();
        all.putAll(more);
        all.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value.toString());
            }
        });
        return uri.encode().build().toUriString();
    }

    public boolean any() {
        return params().values().stream().anyMatch(v -> v != null);
    }

    private static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
