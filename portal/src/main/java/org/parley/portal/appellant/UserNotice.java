package org.parley.portal.appellant;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.parley.portal.notices.Json;

/**
 * A statement of reasons as the person it concerns reads it (appeal-service {@code NoticeView}):
 * what was restricted, where, why, how, and whether they may still appeal. {@code explanation}
 * is the service's own account of it, shown as given.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserNotice(String id, String reference, String companyName, String contentRef, String restriction,
        List<String> territorialScope, String ground, String legalReference, String termsReference, String category,
        String categoryName, Boolean rabatTestRequired, String facts, Boolean automatedDetection,
        Boolean automatedDecision, Instant decidedAt, String language, Json.Order order, String explanation,
        Instant appealUntil, Boolean canAppeal, String appealId, Instant claimedAt) {

    public UserNotice {
        territorialScope = territorialScope == null ? List.of() : List.copyOf(territorialScope);
    }

    /** Restricted wherever the service is offered: no country named, or the API's word for it. */
    public boolean everywhere() {
        return territorialScope.isEmpty() || territorialScope.contains("WORLDWIDE");
    }

    /** The countries by their names in the page's language, each with its code. */
    public String countries(Locale in) {
        return String.join(", ", territorialScope.stream().map(code -> countryName(code, in)).toList());
    }

    public boolean appealable() {
        return Boolean.TRUE.equals(canAppeal) && appealId == null;
    }

    public boolean appealClosed(Instant now) {
        return appealId == null && appealUntil != null && now.isAfter(appealUntil);
    }

    /** "Germany (DE)"; a code the JDK does not know stays as it is. */
    static String countryName(String code, Locale in) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.of("", code).getDisplayCountry(in);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
    }

    /** The language of a text by its name in the page's language, e.g. "allemand" for {@code de} on a French page. */
    public static String languageName(String tag, Locale in) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(in);
        return name.isBlank() ? tag : name;
    }
}
