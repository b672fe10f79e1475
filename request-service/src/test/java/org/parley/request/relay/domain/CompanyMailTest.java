package org.parley.request.relay.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.CompanyEvent.Mail;
import org.parley.common.kernel.CompanyEvent.Recipient;
import org.parley.request.events.domain.EventKind;
import org.parley.request.shared.domain.RequestType;

class CompanyMailTest {

    private static final UUID ID = UUID.fromString("01930000-0000-7000-8000-000000000042");
    private static final Instant DUE = Instant.parse("2026-03-02T10:00:00Z");
    private static final String LINK = "https://parley.example/company/requests/" + ID;

    @Test
    void aReceivedRemovalOrderIsMailedToTheContactPointWithItsTypeDueTimeIdAndLink() {
        Mail mail = CompanyMail.of(EventKind.REQUEST_RECEIVED, RequestType.REMOVAL_ORDER, ID, DUE, LINK).orElseThrow();
        assertThat(mail.recipient()).isEqualTo(Recipient.CONTACT_POINT);
        assertThat(mail.subject()).isEqualTo("Parley: Removal order received, due 2026-03-02 10:00 UTC");
        assertThat(mail.text()).contains("Type: Removal order", "Due: 2026-03-02 10:00 UTC", "Request: " + ID, LINK);
    }

    @Test
    void aReceivedEmergencyDisclosureIsMailedToo() {
        assertThat(CompanyMail.of(EventKind.REQUEST_RECEIVED, RequestType.EMERGENCY_DISCLOSURE, ID, DUE, LINK))
                .hasValueSatisfying(mail -> assertThat(mail.subject()).startsWith("Parley: Emergency disclosure request received"));
    }

    @Test
    void otherRequestsAndOtherEventsAreNotMailed() {
        assertThat(CompanyMail.of(EventKind.REQUEST_RECEIVED, RequestType.INFORMATION, ID, DUE, LINK)).isEmpty();
        assertThat(CompanyMail.of(EventKind.REQUEST_RECEIVED, RequestType.REFERRAL, ID, null, LINK)).isEmpty();
        assertThat(CompanyMail.of(EventKind.CLARIFICATION_ANSWERED, RequestType.REMOVAL_ORDER, ID, DUE, LINK)).isEmpty();
        assertThat(CompanyMail.of(EventKind.REQUEST_WITHDRAWN, RequestType.REMOVAL_ORDER, ID, DUE, LINK)).isEmpty();
    }

    @Test
    void anOverdueRequestGoesToTheEscalationContact() {
        Mail mail = CompanyMail.of(EventKind.REQUEST_OVERDUE, RequestType.INFORMATION, ID, DUE, LINK).orElseThrow();
        assertThat(mail.recipient()).isEqualTo(Recipient.ESCALATION_CONTACT);
        assertThat(mail.subject()).isEqualTo("Parley: Information request overdue, was due 2026-03-02 10:00 UTC");
        assertThat(mail.text()).contains("has run out", LINK);
    }

    @Test
    void aRequestWithoutABindingTimeSaysSo() {
        Mail mail = CompanyMail.of(EventKind.REQUEST_OVERDUE, RequestType.PRESERVATION, ID, null, LINK).orElseThrow();
        assertThat(mail.text()).contains("Due: no binding time");
    }
}
