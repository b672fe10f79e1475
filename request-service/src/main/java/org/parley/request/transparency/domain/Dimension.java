package org.parley.request.transparency.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.parley.common.kernel.RuleViolation;

/** What a transparency report can be broken down by. */
public enum Dimension {
    COUNTRY,
    TYPE,
    OUTCOME,
    COMPANY;

    /** Reads {@code ?groupBy=country,type}; blank means every dimension; an unknown name is a 422 naming the field. */
    public static List<Dimension> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of(values());
        }
        EnumSet<Dimension> chosen = EnumSet.noneOf(Dimension.class);
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                chosen.add(valueOf(name));
            } catch (IllegalArgumentException e) {
                throw RuleViolation.ofField("groupBy", "'" + part.strip() + "' is not one of country, type, outcome, company");
            }
        }
        return new ArrayList<>(chosen);
    }
}
