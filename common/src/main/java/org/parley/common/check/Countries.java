package org.parley.common.check;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, upper case, as the JDK knows them: the one list every service checks against. */
public final class Countries {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Countries() {}

    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }
}
