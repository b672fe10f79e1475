package org.parley.stakeholder.registry.domain;

import java.util.List;
import org.parley.common.check.Countries;
import org.parley.common.check.FieldCheck;

/** Where a stakeholder operates: ISO 3166-1 alpha-2 codes, each once. */
final class Jurisdictions {

    private Jurisdictions() {}

    static void check(FieldCheck check, List<String> jurisdictions) {
        if (jurisdictions.size() > Registration.MAX_JURISDICTIONS) {
            check.add("jurisdictions", "must have at most " + Registration.MAX_JURISDICTIONS + " entries");
            return;
        }
        for (int i = 0; i < jurisdictions.size(); i++) {
            if (!Countries.isCode(jurisdictions.get(i))) {
                check.add("jurisdictions[" + i + "]", "must be an ISO 3166-1 alpha-2 code");
            }
        }
    }
}
