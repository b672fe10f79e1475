package org.parley.appeal.relay.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.parley.common.kernel.CompanyEvent;

/**
 * The mail a company's contact point receives when a person takes an appeal on one of its decisions to an
 * independent body: which appeal, on which of its notices (by the reference the company issued), since when,
 * and its page in the portal. Nothing of the person: not their name or account, not their statement, not the
 * content concerned. Whoever reads it signs in to see the rest.
 */
public final class EscalationMail {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private EscalationMail() {}

    public static CompanyEvent.Mail of(UUID appealId, String noticeReference, Instant escalatedAt, String portalLink) {
        return new CompanyEvent.Mail(CompanyEvent.Recipient.CONTACT_POINT,
                "Parley: an appeal on notice " + noticeReference + " was escalated to an independent body",
                "An appeal on one of your company's decisions has been escalated: an independent body now reviews it.\n\n"
                        + "Notice: " + noticeReference + "\n"
                        + "Appeal: " + appealId + "\n"
                        + "Escalated: " + (escalatedAt == null ? "just now" : UTC.format(escalatedAt)) + "\n\n"
                        + "Open it in the portal: " + portalLink + "\n\n"
                        + "This mail carries no details of the appeal. Sign in to the portal to read it.\n");
    }
}
