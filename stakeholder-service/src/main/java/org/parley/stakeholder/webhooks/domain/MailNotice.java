package org.parley.stakeholder.webhooks.domain;

/** A mail for a company, written by the producer of the event: subject and plain text. */
public record MailNotice(MailRecipient recipient, String subject, String text) {

    public static final int MAX_SUBJECT = 300;
    public static final int MAX_TEXT = 20_000;
}
