package org.parley.stakeholder.accounts.domain;

/** How a new member gets a password. No password Parley could know is ever stored by it. */
public enum PasswordSetup {
    /** The identity provider e-mails the person a link to set their own password. */
    EMAIL_ACTION,
    /**
     * Development only, where no mail is delivered: a random temporary password, shown once in the
     * answer, which the identity provider makes the person replace at first login.
     */
    TEMPORARY_PASSWORD
}
