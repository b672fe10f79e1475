package org.parley.stakeholder.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.MailNotice;
import org.parley.api.stakeholder.v1.MailRecipient;

/** Mails to a company's contact point, through a real SMTP server (GreenMail). */
class CompanyMailIT extends WebhookSupport {

    private MimeMessage[] to(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    private String mailStatus(String eventId) {
        return jdbc.sql("select status from company_mail where event_id = :id").param("id", eventId).query(String.class).single();
    }

    @Test
    void aNoticeIsMailedToTheContactPointAndAnEscalationToTheEscalationContact() throws Exception {
        String company = company("Mailed Co");
        api.put("/api/v1/stakeholders/" + company + "/contact-point", Map.of("email", "orders-" + company.substring(30) + "@example.com",
                "languages", java.util.List.of("en"), "hours", "24/7", "escalationContact", "legal-" + company.substring(30) + "@example.com"))
                .auth(ADMIN).send();
        String order = eventId();
        String overdue = eventId();

        publishWithMail(order, company, MailNotice.newBuilder().setRecipient(MailRecipient.MAIL_RECIPIENT_CONTACT_POINT)
                .setSubject("Removal order received").setText("A removal order is due in one hour: https://parley.example/requests/1").build());
        publishWithMail(overdue, company, MailNotice.newBuilder().setRecipient(MailRecipient.MAIL_RECIPIENT_ESCALATION_CONTACT)
                .setSubject("Removal order overdue").setText("Overdue.").build());

        Receiver.await(Duration.ofSeconds(10), () -> to("orders-" + company.substring(30) + "@example.com").length == 1
                && to("legal-" + company.substring(30) + "@example.com").length == 1);
        MimeMessage mail = to("orders-" + company.substring(30) + "@example.com")[0];
        assertThat(mail.getSubject()).isEqualTo("Removal order received");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("no-reply@parley.localhost");
        assertThat(((String) mail.getContent()).strip()).isEqualTo("A removal order is due in one hour: https://parley.example/requests/1");
        assertThat(to("legal-" + company.substring(30) + "@example.com")[0].getSubject()).isEqualTo("Removal order overdue");
        Receiver.await(Duration.ofSeconds(5), () -> "SENT".equals(mailStatus(order)) && "SENT".equals(mailStatus(overdue)));
    }

    @Test
    void aCompanyWithoutAContactPointGetsNoMailAndTheMailIsRecordedAsNotSendable() {
        String company = company("Unreachable Co");
        String eventId = eventId();
        publishWithMail(eventId, company, MailNotice.newBuilder().setRecipient(MailRecipient.MAIL_RECIPIENT_CONTACT_POINT)
                .setSubject("Removal order received").setText("…").build());

        Receiver.await(Duration.ofSeconds(10), () -> "UNSENDABLE".equals(mailStatus(eventId)));
        clock.advance(Duration.ofMinutes(10));
        assertThat(mailStatus(eventId)).isEqualTo("UNSENDABLE");
    }

    @Test
    void whileTheSmtpServerIsDownTheMailIsRetriedAndSentOnce() throws Exception {
        String company = company("Patient Mail Co");
        String address = "orders-" + company.substring(30) + "@example.com";
        api.put("/api/v1/stakeholders/" + company + "/contact-point", Map.of("email", address,
                "languages", java.util.List.of("en"), "hours", "24/7", "escalationContact", "legal@example.com")).auth(ADMIN).send();
        MAIL.stop();
        String eventId = eventId();
        try {
            publishWithMail(eventId, company, MailNotice.newBuilder().setRecipient(MailRecipient.MAIL_RECIPIENT_CONTACT_POINT)
                    .setSubject("Removal order received").setText("Due in one hour.").build());
            Receiver.await(Duration.ofSeconds(20), () -> jdbc.sql("select attempt_count from company_mail where event_id = :id")
                    .param("id", eventId).query(Integer.class).single() >= 1);
            assertThat(mailStatus(eventId)).isEqualTo("PENDING");
        } finally {
            MAIL.start();
        }
        for (int i = 0; i < 40 && !"SENT".equals(mailStatus(eventId)); i++) {
            clock.advance(Duration.ofSeconds(1));
            Thread.sleep(250);
        }
        assertThat(mailStatus(eventId)).isEqualTo("SENT");
        assertThat(to(address)).hasSize(1);
    }
}
