package org.parley.appeal.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.MailRecipient;
import org.parley.api.stakeholder.v1.PublishCompanyEventRequest;
import org.parley.appeal.relay.domain.AppealEvent;
import org.parley.appeal.relay.jdbc.AppealEventRetention;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.downstream.Downstreams;
import org.parley.common.kernel.Caller;
import org.parley.common.outbox.CompanyEventOutbox;
import org.parley.common.outbox.CompanyEventRelay;
import org.parley.common.outbox.CompanyEventSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AppealEventRelayIT extends AppealServiceIT {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    CompanyEventOutbox<AppealEvent> outbox;

    @Autowired
    AppealEventContent content;

    @Autowired
    Downstreams downstreams;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CompanyEventSettings settings;

    @Autowired
    JsonMapper json;

    @Autowired
    AppealEventRetention retention;

    @Test
    void aFiledAppealReachesTheHubOnceAsTheCompanysRespondersSeeIt() {
        JsonNode appeal = filedAppeal();
        String id = appeal.get("id").asText();

        PublishCompanyEventRequest event = awaitOne("appeal.created");
        assertThat(event.getEventId()).isEqualTo("appeal-event-" + rowId(id, "APPEAL_CREATED"));
        assertThat(event.getCompanyId()).isEqualTo(w.company());
        JsonNode payload = json.readTree(event.getPayloadJson());
        JsonNode seen = readAppeal(w.colleague(), id);
        assertThat(payload.get("id").asText()).isEqualTo(id);
        assertThat(payload.get("noticeId")).isEqualTo(seen.get("noticeId"));
        assertThat(payload.get("noticeReference")).isEqualTo(seen.get("noticeReference"));
        assertThat(payload.get("statement")).isEqualTo(seen.get("statement"));
        assertThat(payload.get("actions")).as("what a responder may do").isEqualTo(seen.get("actions"));
        assertThat(payload.get("links").get("portal").asText()).isEqualTo("http://localhost:8080/company/appeals/" + id);
        assertThat(payload.get("links").get("api").asText()).isEqualTo("http://localhost:8080/api/v1/appeals/" + id);
        assertThat(event.hasMail()).as("a filed appeal is not mailed").isFalse();
        assertThat(relayState(id, "APPEAL_CREATED")).isEqualTo("RELAYED");

        sleep(Duration.ofMillis(1200));
        assertThat(HUB.publishedFor(w.company())).extracting(PublishCompanyEventRequest::getEventId)
                .as("published once").containsExactly(event.getEventId());
        assertThat(HUB.publishedFor(w.company())).hasSize(1);
    }

    @Test
    void anEscalationIsMailedToTheContactPointWithNothingOfTheAppellant() {
        JsonNode notice = recorded(NoticeBody.notice(clock.instant()));
        claimed(notice);
        String id = file(w.appellant(), notice.get("id").asText()).json().get("id").asText();
        decided(id, "UPHELD");
        assertThat(escalate(id).status()).isEqualTo(200);

        PublishCompanyEventRequest event = awaitOne("appeal.escalated");
        assertThat(json.readTree(event.getPayloadJson()).get("state").asText()).isEqualTo("ESCALATED");
        assertThat(event.getMail().getRecipient()).isEqualTo(MailRecipient.MAIL_RECIPIENT_CONTACT_POINT);
        String mail = event.getMail().getSubject() + "\n" + event.getMail().getText();
        assertThat(mail).contains(id).contains(notice.get("reference").asText())
                .contains("http://localhost:8080/company/appeals/" + id)
                .doesNotContain(w.appellant().username())
                .doesNotContain("Berichterstattung")
                .doesNotContain("did not look at the context")
                .doesNotContain("user-8841")
                .doesNotContain("video.example.com");
    }

    @Test
    void aRefusedFilingWritesNoEvent() {
        JsonNode notice = recorded(NoticeBody.notice(clock.instant()));
        claimed(notice);
        assertThat(file(w.appellant(), notice.get("id").asText()).status()).isEqualTo(201);
        assertThat(file(w.appellant(), notice.get("id").asText()).status()).as("appealed once").isEqualTo(409);
        assertThat(file(w.otherAppellant(), notice.get("id").asText()).status()).isEqualTo(422);
        assertThat(count("select count(*) from appeal_event where company_id = ?", UUID.fromString(w.company())))
                .isEqualTo(1);
        awaitOne("appeal.created");
        sleep(Duration.ofMillis(1200));
        assertThat(HUB.publishedFor(w.company())).hasSize(1);
    }

    @Test
    void aHubUnavailableThenBackLosesNothingAndDuplicatesNothing() {
        HUB.unavailable(true);
        String id = filedAppeal().get("id").asText();
        assertThat(relayState(id, "APPEAL_CREATED")).as("written with the appeal, waiting").isEqualTo("PENDING");
        sleep(Duration.ofMillis(1500));
        assertThat(HUB.publishedFor(w.company())).isEmpty();
        assertThat(relayState(id, "APPEAL_CREATED")).isEqualTo("PENDING");

        HUB.unavailable(false);
        awaitOne("appeal.created");
        sleep(Duration.ofMillis(1200));
        assertThat(HUB.publishedFor(w.company())).hasSize(1);
        assertThat(count("select count(*) from appeal_event where company_id = ?", UUID.fromString(w.company())))
                .isEqualTo(1);
        assertThat(relayState(id, "APPEAL_CREATED")).isEqualTo("RELAYED");
    }

    @Test
    void retentionForgetsRelayedEventsAfterAWeekButNeverAPendingOne() {
        String relayed = filedAppeal().get("id").asText();
        awaitOne("appeal.created");
        await().atMost(SOON).until(() -> "RELAYED".equals(relayState(relayed, "APPEAL_CREATED")));
        HUB.unavailable(true);
        String pending = filedAppeal().get("id").asText();
        jdbc.sql("update appeal_event set created_at = created_at - interval '30 days', "
                + "relayed_at = relayed_at - interval '8 days' where appeal_id in (:relayed, :pending)")
                .param("relayed", UUID.fromString(relayed)).param("pending", UUID.fromString(pending)).update();

        retention.forget();

        assertThat(count("select count(*) from appeal_event where appeal_id = ?", UUID.fromString(relayed))).isZero();
        assertThat(relayState(pending, "APPEAL_CREATED")).as("what the company has not heard yet stays").isEqualTo("PENDING");
        HUB.unavailable(false);
    }

    @Test
    void relaysRunningAtOncePublishEachRowOnce() throws Exception {
        HUB.unavailable(true);
        int appeals = 12;
        for (int i = 0; i < appeals; i++) {
            filedAppeal();
        }
        CompanyEventSettings small = new CompanyEventSettings(false, 2, settings.pollInterval(), settings.firstBackoff(),
                settings.longestBackoff(), settings.portalUrl(), settings.apiUrl());
        List<CompanyEventRelay<AppealEvent>> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(new CompanyEventRelay<>("appeal-events-test", outbox,
                    content::of, downstreams.get("company-events"),
                    Caller.service("appeal-service"), transactions, small));
        }
        HUB.unavailable(false);
        downstreams.get("company-events").circuitBreaker().reset();
        ExecutorService pool = Executors.newFixedThreadPool(others.size());
        try {
            List<Future<CompanyEventRelay.Round>> rounds = new ArrayList<>();
            for (CompanyEventRelay<AppealEvent> other : others) {
                rounds.add(pool.submit((Callable<CompanyEventRelay.Round>) other::drain));
            }
            for (Future<CompanyEventRelay.Round> round : rounds) {
                round.get();
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(SOON).until(() -> HUB.publishedFor(w.company()).size() >= appeals);
        sleep(Duration.ofMillis(1200));
        assertThat(HUB.publishedFor(w.company())).hasSize(appeals)
                .extracting(PublishCompanyEventRequest::getEventId).doesNotHaveDuplicates();
    }

    private PublishCompanyEventRequest awaitOne(String type) {
        await().atMost(SOON).until(() -> HUB.publishedFor(w.company()).stream().anyMatch(e -> e.getEventType().equals(type)));
        return HUB.publishedFor(w.company()).stream().filter(e -> e.getEventType().equals(type)).findFirst().orElseThrow();
    }

    private long rowId(String appealId, String kind) {
        return jdbc.sql("select id from appeal_event where appeal_id = :id and kind = :kind")
                .param("id", UUID.fromString(appealId)).param("kind", kind).query(Long.class).single();
    }

    private String relayState(String appealId, String kind) {
        return jdbc.sql("select relay from appeal_event where appeal_id = :id and kind = :kind")
                .param("id", UUID.fromString(appealId)).param("kind", kind).query(String.class).single();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
