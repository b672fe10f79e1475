package org.parley.appeal.claim.domain;

/** What claim attempts are counted against: one notice (whoever tries it), or one caller (whatever they try). */
public enum AttemptScope {
    NOTICE,
    CALLER
}
