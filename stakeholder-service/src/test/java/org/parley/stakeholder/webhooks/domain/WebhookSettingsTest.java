package org.parley.stakeholder.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation;

class WebhookSettingsTest {

    @Test
    void theEventTypesAreTheSixKnownNamesEachReadBack() {
        assertThat(List.of(CompanyEventType.values())).extracting(CompanyEventType::wireName).containsExactly(
                "request.received", "request.clarification_answered", "request.withdrawn", "request.overdue",
                "appeal.created", "appeal.escalated");
        for (CompanyEventType type : CompanyEventType.values()) {
            assertThat(CompanyEventType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(CompanyEventType.fromWireName("REQUEST_RECEIVED")).isEmpty();
        assertThat(CompanyEventType.fromWireName("request.Received")).isEmpty();
        assertThat(CompanyEventType.fromWireName(null)).isEmpty();
    }

    @Test
    void aUrlIsAnAbsoluteHttpsUrlWithAHostNoUserInfoAndAtMost2000Characters() {
        assertThat(WebhookUrl.problem("https://hooks.example.com/parley?x=1", false)).isEmpty();
        assertThat(WebhookUrl.problem("https://[2606:4700::1]:8443/p", false)).isEmpty();
        assertThat(WebhookUrl.problem("https://h.example/" + "a".repeat(2000 - 18), false)).isEmpty();
        assertThat(WebhookUrl.problem("https://h.example/" + "a".repeat(2000 - 17), false)).isPresent();
        for (String bad : List.of("", " ", "http://hooks.example.com/", "ftp://hooks.example.com/", "hooks.example.com/p", "/p",
                "https:///p", "https://user@hooks.example.com/", "https://u:p@hooks.example.com/", "https://h.example/p#frag",
                "https://h.example/a b", "mailto:x@example.com")) {
            assertThat(WebhookUrl.problem(bad, false)).as(bad).isPresent();
        }
        assertThat(WebhookUrl.problem(null, false)).contains("is required");
        assertThat(WebhookUrl.problem("http://127.0.0.1:8080/hooks", true)).isEmpty();
        assertThat(WebhookUrl.problem("ftp://127.0.0.1/hooks", true)).isPresent();
        assertThat(WebhookUrl.host("https://[::1]:8443/p")).isEqualTo("::1");
        assertThat(WebhookUrl.host("https://Hooks.Example.com/p")).isEqualTo("Hooks.Example.com");
    }

    @Test
    void settingsNameEveryBrokenField() {
        assertThatThrownBy(() -> WebhookSettings.check("ftp://x", List.of("request.received", "nope"), "d".repeat(501), false))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.fieldErrors()).extracting(RuleViolation.FieldError::field)
                        .containsExactly("url", "events[1]", "description"));
        assertThatThrownBy(() -> WebhookSettings.check("https://h.example/", List.of(), null, false))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.fieldErrors()).extracting(RuleViolation.FieldError::field)
                        .containsExactly("events"));
        WebhookSettings ok = WebhookSettings.check(" https://h.example/ ", List.of("appeal.created", "request.received", "appeal.created"),
                " ", false);
        assertThat(ok.url()).isEqualTo("https://h.example/");
        assertThat(ok.description()).isNull();
    }

    @Test
    void anEventNeedsAnIdAKnownTypeATimeAnObjectPayloadAndAMailWithSubjectAndText() {
        java.time.Instant now = java.time.Instant.parse("2026-12-01T10:00:00Z");
        CompanyEvent event = CompanyEvent.of("e-1", null, "request.received", now, "{}", true, Optional.empty());
        assertThat(event.type()).isEqualTo(CompanyEventType.REQUEST_RECEIVED);
        assertThatThrownBy(() -> CompanyEvent.of("", null, "request.nope", null, "[]", false,
                Optional.of(new MailNotice(MailRecipient.CONTACT_POINT, "two\nlines", " "))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.fieldErrors()).extracting(RuleViolation.FieldError::field)
                        .containsExactly("event_id", "event_type", "occurred_at", "payload_json", "mail.subject", "mail.text"));
    }
}
