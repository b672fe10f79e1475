package org.parley.request.shared.domain;

import java.time.LocalDate;

/** The court order behind a request: which court, its reference, and when it was given. */
public record JudicialAuthorisation(String court, String reference, LocalDate date) {

    public JudicialAuthorisation {
        court = Texts.strip(court);
        reference = Texts.strip(reference);
    }

    public boolean isComplete() {
        return court != null && reference != null && date != null;
    }
}
