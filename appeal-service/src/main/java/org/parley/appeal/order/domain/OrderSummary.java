package org.parley.appeal.order.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What request-service tells about a government request behind a removal. While a gag order is in
 * force it is {@code confidential} and the authority, type and legal basis are left out.
 */
public record OrderSummary(UUID id, UUID targetCompanyId, boolean confidential, Optional<Instant> confidentialUntil,
        String authorityName, String authorityCountry, Optional<String> type, Optional<LegalBasis> legalBasis) {

    /** Orders that can cause a removal: a removal order, or a referral the company acted on. */
    public boolean mayCauseRemoval() {
        return type.map(t -> t.equals("REMOVAL_ORDER") || t.equals("REFERRAL")).orElse(true);
    }
}
