package org.parley.request.shared.domain;

import java.util.Optional;

/** The aims for which Article 19(3) of the ICCPR allows restricting expression. */
public enum LegitimateAim {
    RIGHTS_OF_OTHERS,
    NATIONAL_SECURITY,
    PUBLIC_ORDER,
    PUBLIC_HEALTH,
    PUBLIC_MORALS;

    /** The aim a text names, if it names one of ICCPR 19(3). */
    public static Optional<LegitimateAim> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (LegitimateAim aim : values()) {
            if (aim.name().equals(text.strip())) {
                return Optional.of(aim);
            }
        }
        return Optional.empty();
    }
}
