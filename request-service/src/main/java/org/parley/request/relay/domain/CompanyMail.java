package org.parley.request.relay.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.kernel.CompanyEvent.Mail;
import org.parley.common.kernel.CompanyEvent.Recipient;
import org.parley.request.events.domain.EventKind;
import org.parley.request.shared.domain.RequestType;

/**
 * The mails a company's contact point receives about requests (TCO Art. 15: orders are received there
 * day and night): a removal order or an emergency disclosure that reached the company, and any request
 * whose time ran out (to the escalation contact). A mail names the type, the due time in UTC, the
 * request's id and its page in the portal, and nothing else: no subjects, no statement of reasons, no
 * legal text, nothing a gag order covers. Whoever reads it signs in to see the rest.
 */
public final class CompanyMail {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private CompanyMail() {}

    /** The mail for an event, if it is mailed at all. */
    public static Optional<Mail> of(EventKind kind, RequestType type, UUID requestId, Instant dueAt, String portalLink) {
        return switch (kind) {
            case REQUEST_RECEIVED -> type == RequestType.REMOVAL_ORDER || type == RequestType.EMERGENCY_DISCLOSURE
                    ? Optional.of(new Mail(Recipient.CONTACT_POINT,
                            "Parley: " + title(type) + " received, due " + due(dueAt),
                            text(name(type) + " has been addressed to your company through Parley.", type, requestId,
                                    dueAt, portalLink)))
                    : Optional.empty();
            case REQUEST_OVERDUE -> Optional.of(new Mail(Recipient.ESCALATION_CONTACT,
                    "Parley: " + title(type) + " overdue, was due " + due(dueAt),
                    text("The time to answer " + article(type) + " addressed to your company through Parley has run out.",
                            type, requestId, dueAt, portalLink)));
            default -> Optional.empty();
        };
    }

    private static String text(String opening, RequestType type, UUID requestId, Instant dueAt, String portalLink) {
        return opening + "\n\n"
                + "Type: " + title(type) + "\n"
                + "Due: " + due(dueAt) + "\n"
                + "Request: " + requestId + "\n\n"
                + "Open it in the portal: " + portalLink + "\n\n"
                + "This mail carries no details of the request. Sign in to the portal to read it and answer.\n";
    }

    private static String due(Instant dueAt) {
        return dueAt == null ? "no binding time" : UTC.format(dueAt);
    }

    static String name(RequestType type) {
        return switch (type) {
            case INFORMATION -> "An information request";
            case REMOVAL_ORDER -> "A removal order";
            case REFERRAL -> "A referral";
            case PRESERVATION -> "A preservation request";
            case EMERGENCY_DISCLOSURE -> "An emergency disclosure request";
        };
    }

    static String title(RequestType type) {
        String name = name(type);
        String noun = name.substring(name.indexOf(' ') + 1);
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }

    private static String article(RequestType type) {
        String name = name(type);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
