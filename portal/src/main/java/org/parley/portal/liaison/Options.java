package org.parley.portal.liaison;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.portal.web.Page;

/** The choices of a select, value → words, in the order given. */
public final class Options {

    private Options() {
    }

    /** Codes named by the bundle: {@code prefix + code}, the code itself when the bundle lacks it. */
    public static Map<String, String> of(Page page, String prefix, List<String> codes) {
        Map<String, String> options = new LinkedHashMap<>();
        codes.forEach(code -> options.put(code, page.tOr(prefix + code, code)));
        return options;
    }

    /** The companies by id, with their names as the registry spells them. */
    public static Map<String, String> companies(List<Requests.Company> companies) {
        Map<String, String> options = new LinkedHashMap<>();
        companies.stream()
                .sorted(java.util.Comparator.comparing(c -> c.name() == null ? "" : c.name().toLowerCase(java.util.Locale.ROOT)))
                .forEach(c -> options.put(c.id(), c.country() == null ? c.name() : c.name() + " (" + c.country() + ")"));
        return options;
    }
}
