package org.parley.request.shared.domain;

/** The kinds of government request (domain: "Government requests"). */
public enum RequestType {
    /** Disclosure of user data (DSA Art. 10 order). */
    INFORMATION,
    /** Binding order to remove or disable content (TCO Art. 3). */
    REMOVAL_ORDER,
    /** Content flagged for the company to assess against its own terms; voluntary. */
    REFERRAL,
    /** Keep data for a later order (TCO Art. 6). */
    PRESERVATION,
    /** Imminent danger to life; reaches the company only once a second liaison confirms it. */
    EMERGENCY_DISCLOSURE;

    /** Requests whose answer delivers user data to the authority. */
    public boolean disclosesData() {
        return this == INFORMATION || this == EMERGENCY_DISCLOSURE;
    }

    /** Requests that are about user data (and so name data categories). */
    public boolean concernsData() {
        return disclosesData() || this == PRESERVATION;
    }

    /**
     * The requests that take part in deconfliction (domain: removal orders and referrals): they act on
     * content, so two of them naming one subject at one company may collide. A disclosure, preservation
     * or emergency request never matches another request and is never matched by one.
     */
    public boolean takesPartInDeconfliction() {
        return this == REMOVAL_ORDER || this == REFERRAL;
    }

    /** Requests that a second liaison of the same authority must confirm before they reach the company. */
    public boolean needsConfirmation() {
        return this == EMERGENCY_DISCLOSURE;
    }
}
