package org.parley.stakeholder.webhooks.domain;

/** Which of a company's contact addresses a mail goes to. */
public enum MailRecipient {
    /** The contact point's address (TCO Art. 15: orders are received there day and night). */
    CONTACT_POINT,
    /** The contact point's escalation contact, or its address when the escalation contact is no mail address. */
    ESCALATION_CONTACT
}
