package org.parley.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.MailRecipient;
import org.parley.api.stakeholder.v1.PublishCompanyEventRequest;
import org.parley.common.kernel.CompanyEvent;
import org.parley.common.kernel.CompanyEvent.Mail;
import org.parley.common.kernel.CompanyEvent.Recipient;

class CompanyEventToProtoTest {

    private static final UUID COMPANY = UUID.fromString("0190a000-0000-7000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-12-02T10:15:30.123456789Z");

    @Test
    void anEventCrossesWithItsInstantToTheNanosecondAndItsMailToTheAddressItNames() {
        PublishCompanyEventRequest escalation = CompanyEventRelay.toProto(new CompanyEvent("request-event-7", COMPANY,
                "request.received", AT, "{\"id\":1}", new Mail(Recipient.ESCALATION_CONTACT, "subject", "text")));

        assertThat(escalation.getEventId()).isEqualTo("request-event-7");
        assertThat(escalation.getCompanyId()).isEqualTo(COMPANY.toString());
        assertThat(escalation.getEventType()).isEqualTo("request.received");
        assertThat(escalation.getOccurredAt().getSeconds()).isEqualTo(AT.getEpochSecond());
        assertThat(escalation.getOccurredAt().getNanos()).isEqualTo(123456789);
        assertThat(escalation.getPayloadJson()).isEqualTo("{\"id\":1}");
        assertThat(escalation.getMail().getRecipient()).isEqualTo(MailRecipient.MAIL_RECIPIENT_ESCALATION_CONTACT);
        assertThat(escalation.getMail().getSubject()).isEqualTo("subject");
        assertThat(escalation.getMail().getText()).isEqualTo("text");

        PublishCompanyEventRequest contactPoint = CompanyEventRelay.toProto(new CompanyEvent("appeal-event-1", COMPANY,
                "appeal.escalated", AT, "{}", new Mail(Recipient.CONTACT_POINT, "s", "t")));
        assertThat(contactPoint.getMail().getRecipient()).isEqualTo(MailRecipient.MAIL_RECIPIENT_CONTACT_POINT);
    }

    @Test
    void anEventWithoutMailCarriesNone() {
        PublishCompanyEventRequest quiet = CompanyEventRelay.toProto(
                new CompanyEvent("appeal-event-2", COMPANY, "appeal.created", AT, "{}", null));

        assertThat(quiet.hasMail()).isFalse();
    }
}
