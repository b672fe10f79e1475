package org.parley.appeal.notice.domain;

/** What a company did to content or an account (DSA Art. 17(1)). */
public enum Restriction {
    REMOVED("removed your content"),
    DISABLED("disabled access to your content"),
    GEO_BLOCKED("blocked your content in some countries"),
    DEMOTED("reduced how widely your content is shown"),
    AGE_RESTRICTED("restricted your content to adults"),
    ACCOUNT_SUSPENDED("suspended your account");

    private final String plainWords;

    Restriction(String plainWords) {
        this.plainWords = plainWords;
    }

    /** The action in plain words, completing "The company …". */
    public String plainWords() {
        return plainWords;
    }
}
