package org.parley.request.lifecycle.domain;

/** Why a company did not (fully) do what a request asked. */
public enum ReasonCode {
    NO_LEGAL_BASIS,
    OVERBROAD,
    JURISDICTION,
    NO_DATA,
    TECHNICALLY_IMPOSSIBLE,
    OTHER
}
