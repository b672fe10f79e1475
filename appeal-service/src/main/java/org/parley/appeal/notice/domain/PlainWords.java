package org.parley.appeal.notice.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.appeal.order.domain.OrderDisclosure;

/**
 * The statement of reasons in plain words for the person it concerns: what happened, why, how much of it
 * was automated, which government order (if any) was behind it, and how to appeal. The seed of this
 * service: users were deprived of a remedy because they did not know why their content was taken down.
 */
public final class PlainWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private PlainWords() {}

    public static String explain(Notice notice, OrderDisclosure order, Instant now) {
        List<String> parts = new ArrayList<>();
        parts.add(notice.companyName() + " " + notice.restriction().plainWords() + " (" + notice.contentRef() + ") on "
                + DAY.format(notice.decidedAt()) + ", " + where(notice) + ".");
        parts.add(switch (notice.ground()) {
            case ILLEGAL_CONTENT -> "It found the content illegal under " + notice.legalReference();
            case INCOMPATIBLE_WITH_TERMS -> "It found the content against its terms of service (" + notice.termsReference() + ")";
        } + ", in the category \"" + notice.category().name() + "\". The facts it relied on: " + notice.facts());
        parts.add(automation(notice));
        String orderText = order(order);
        if (orderText != null) {
            parts.add(orderText);
        }
        if (!now.isAfter(notice.appealClosesAt())) {
            parts.add("You can appeal until " + DAY.format(notice.appealClosesAt()) + ". A person at "
                    + notice.companyName() + " who did not take this decision will review your appeal. If you disagree "
                    + "with the outcome, or no decision comes in time, you can take it to an independent reviewer.");
        } else {
            parts.add("The time to appeal ended on " + DAY.format(notice.appealClosesAt()) + ".");
        }
        return String.join(" ", parts.stream().map(PlainWords::sentence).toList());
    }

    private static String where(Notice notice) {
        return notice.worldwide() ? "everywhere" : "in " + String.join(", ", notice.territorialScope());
    }

    private static String automation(Notice notice) {
        String detection = notice.automatedDetection()
                ? "Automated tools found the content"
                : "People found the content";
        String decision = notice.automatedDecision()
                ? "the decision was taken automatically"
                : "a person took the decision";
        return detection + " and " + decision + ".";
    }

    private static String order(OrderDisclosure order) {
        return switch (order) {
            case OrderDisclosure.None none -> null;
            case OrderDisclosure.Disclosed d -> "It acted on " + article(d.type()) + " from " + d.authority()
                    + (d.authorityCountry() == null ? "" : " (" + d.authorityCountry() + ")")
                    + (d.legalBasis() == null ? "" : ", based on " + d.legalBasis().instrument() + ", "
                            + d.legalBasis().provision()) + ".";
            case OrderDisclosure.Confidential c -> "It acted on a government order that is confidential"
                    + (c.until() == null ? "" : " until " + DAY.format(c.until())) + ": the authority may not yet "
                    + "be named to you.";
            case OrderDisclosure.Unavailable u -> "It acted on a government order whose details cannot be shown "
                    + "right now; please look again later.";
        };
    }

    private static String article(String type) {
        if (type == null) {
            return "a government order";
        }
        return switch (type) {
            case "REMOVAL_ORDER" -> "a removal order";
            case "REFERRAL" -> "a referral";
            default -> "a government request (" + type.toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        };
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
    }
}
