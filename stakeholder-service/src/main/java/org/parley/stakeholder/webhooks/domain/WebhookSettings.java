package org.parley.stakeholder.webhooks.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.RuleViolation;

/** An endpoint's settings as a caller sent them, checked field by field. */
public record WebhookSettings(String url, List<CompanyEventType> events, String description) {

    public static final int MAX_DESCRIPTION = 500;

    /** The checked settings; a RuleViolation naming every broken field. */
    public static WebhookSettings check(String url, List<String> events, String description, boolean plainHttpAllowed) {
        FieldCheck check = FieldCheck.start();
        url = url == null ? null : url.strip();
        WebhookUrl.problem(url, plainHttpAllowed).ifPresent(problem -> check.add("url", problem));
        List<CompanyEventType> known = new ArrayList<>();
        if (events == null || events.isEmpty()) {
            check.add("events", "must name at least one of " + List.of(CompanyEventType.values()));
        } else {
            for (int i = 0; i < events.size(); i++) {
                Optional<CompanyEventType> type = CompanyEventType.fromWireName(events.get(i));
                if (type.isEmpty()) {
                    check.add("events[" + i + "]", "is not one of " + List.of(CompanyEventType.values()));
                } else {
                    known.add(type.get());
                }
            }
        }
        check.optionalText("description", description, MAX_DESCRIPTION);
        check.orThrow();
        return new WebhookSettings(url, known, description == null || description.isBlank() ? null : description.strip());
    }

    /** A field error on the URL, for refusals found beyond its form (where its host resolves to). */
    public static RuleViolation urlRefused(String message) {
        return RuleViolation.ofField("url", message);
    }
}
