package org.parley.stakeholder.registry.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.parley.common.check.FieldCheck;

/**
 * Where a company takes orders (TCO Art. 15): a functional mailbox and phone of its orders desk,
 * the languages it accepts orders in, its hours, and whom to escalate to. It names a desk, not a
 * person; the escalation contact is shown only to those who may escalate.
 */
public record ContactPoint(String email, String phone, List<String> languages, String hours, String escalationContact,
        Instant updatedAt) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{3,38}");
    public static final int MAX_HOURS = 200;
    public static final int MAX_ESCALATION = 254;
    public static final int MAX_LANGUAGES = 30;

    public ContactPoint {
        languages = List.copyOf(languages);
    }

    /** A contact point as a caller sent it, not yet checked. */
    public record Draft(String email, String phone, List<String> languages, String hours, String escalationContact) {

        /** The checked contact point; a RuleViolation naming every broken field. */
        public ContactPoint check(Instant now) {
            return ContactPoint.of(email, phone, languages, hours, escalationContact, now);
        }
    }

    /** A checked contact point; a RuleViolation naming every broken field. */
    public static ContactPoint of(String email, String phone, List<String> languages, String hours,
            String escalationContact, Instant now) {
        List<String> distinct = languages == null ? List.of() : List.copyOf(new LinkedHashSet<>(languages));
        FieldCheck check = FieldCheck.start();
        check.email("email", email);
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
            check.add("phone", "must be a phone number, e.g. +41 22 000 00 00");
        }
        if (check.size("languages", distinct, 1, MAX_LANGUAGES)) {
            for (int i = 0; i < distinct.size(); i++) {
                check.language("languages[" + i + "]", distinct.get(i));
            }
        }
        check.text("hours", hours, MAX_HOURS);
        check.text("escalationContact", escalationContact, MAX_ESCALATION);
        check.orThrow();
        return new ContactPoint(email.strip(), phone == null || phone.isBlank() ? null : phone.strip(), distinct,
                hours.strip(), escalationContact.strip(), now);
    }

    /** What anyone may read: everything but the escalation contact. */
    public ContactPoint withoutEscalation() {
        return new ContactPoint(email, phone, languages, hours, null, updatedAt);
    }
}
