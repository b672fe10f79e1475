package org.parley.request.testing;

import java.util.List;
import java.util.UUID;
import org.parley.request.safeguards.domain.Party;
import org.parley.request.safeguards.domain.PartyKind;

/** Registered parties for tests. */
public final class Parties {

    private Parties() {}

    public static Party authority(String country) {
        return new Party(UUID.randomUUID(), PartyKind.STATE, "Authority of " + country, country, List.of(country), true, false);
    }

    public static Party company(String... jurisdictions) {
        return new Party(UUID.randomUUID(), PartyKind.COMPANY, "Example Video", "IE", List.of(jurisdictions), true, true);
    }

    public static Party suspended(Party party) {
        return new Party(party.id(), party.kind(), party.name(), party.country(), party.jurisdictions(), false,
                party.hasContactPoint());
    }

    public static Party withoutContactPoint(Party party) {
        return new Party(party.id(), party.kind(), party.name(), party.country(), party.jurisdictions(), party.active(),
                false);
    }
}
