package org.parley.request.shared.domain;

/** The law a request rests on: instrument, provision and the jurisdiction whose law it is. */
public record LegalBasis(String instrument, String provision, String jurisdiction) {

    public static final LegalBasis NONE = new LegalBasis(null, null, null);

    public LegalBasis {
        instrument = Texts.strip(instrument);
        provision = Texts.strip(provision);
        jurisdiction = Texts.strip(jurisdiction);
    }

    public boolean isComplete() {
        return instrument != null && provision != null;
    }
}
