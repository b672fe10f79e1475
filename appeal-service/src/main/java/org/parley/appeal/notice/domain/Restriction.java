package org.parley.appeal.notice.domain;

/**
 * What a company did to content or an account (DSA Art. 17(1)). Each is said in plain words, in every
 * language, under {@code action.<NAME>} in {@code i18n/plain-words}.
 */
public enum Restriction {
    REMOVED,
    DISABLED,
    GEO_BLOCKED,
    DEMOTED,
    AGE_RESTRICTED,
    ACCOUNT_SUSPENDED
}
