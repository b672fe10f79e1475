package org.parley.appeal.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.Actor;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The notice's owner appeals once, within six months of the decision; the company's committed decision time
 * sets when it is due.
 */
class FilingAppealsIT extends AppealServiceIT {

    @Test
    void theOwnerAppealsAndTheCompanysCommittedDecisionTimeSetsTheDueTime() {
        STAKEHOLDERS.commit(w.company(), 7);
        JsonNode notice = recordedNotice();
        claimed(notice);

        Reply filed = file(w.appellant(), notice.get("id").asText());

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode appeal = filed.json();
        assertThat(filed.header("Location")).isEqualTo("/api/v1/appeals/" + appeal.get("id").asText());
        assertThat(appeal.get("state").asText()).isEqualTo("FILED");
        assertThat(appeal.get("language").asText()).isEqualTo("de");
        assertThat(appeal.get("decisionDays").asInt()).isEqualTo(7);
        assertThat(appeal.get("decisionTimeSource").asText()).isEqualTo("COMMITMENT");
        assertThat(Duration.between(Instant.parse(appeal.get("filedAt").asText()), Instant.parse(appeal.get("dueAt").asText())))
                .isEqualTo(Duration.ofDays(7));
        assertThat(appeal.get("actions").findValuesAsString("")).isEmpty();
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'APPEAL_FILED'",
                appeal.get("id").asText())).isEqualTo(1);
        JsonNode seenNotice = api.get("/api/v1/notices/" + notice.get("id").asText()).auth(w.appellant().bearer()).send().json();
        assertThat(seenNotice.get("appealId").asText()).isEqualTo(appeal.get("id").asText());
        assertThat(seenNotice.get("canAppeal").asBoolean()).isFalse();
    }

    @Test
    void withoutACommitmentOrWhileStakeholderServiceIsDownFourteenDaysApply() {
        JsonNode uncommitted = filedAppeal();
        assertThat(uncommitted.get("decisionDays").asInt()).isEqualTo(14);
        assertThat(uncommitted.get("decisionTimeSource").asText()).isEqualTo("DEFAULT");

        // a company this instance never asked about; recording a notice needs stakeholder-service, filing must not
        String company = UUID.randomUUID().toString();
        Actor responder = Actor.of("responder-" + company, company, Role.COMPANY_RESPONDER);
        JsonNode notice = recorded(responder, NoticeBody.notice(clock.instant()));
        claimed(notice);
        STAKEHOLDERS.down(true);
        Reply filed = file(w.appellant(), notice.get("id").asText());

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.json().get("decisionDays").asInt()).isEqualTo(14);
        assertThat(filed.json().get("decisionTimeSource").asText()).isEqualTo("DEFAULT_UNREACHABLE");
    }

    @Test
    void anAppealIsInTimeUntilSixMonthsAfterTheDecisionAndRefusedAfter() {
        Instant decidedAt = clock.instant().minusSeconds(60);
        JsonNode inTime = recorded(NoticeBody.notice(clock.instant()).decidedAt(decidedAt));
        JsonNode late = recorded(NoticeBody.notice(clock.instant()).decidedAt(decidedAt));
        claimed(inTime);
        claimed(late);
        Instant closes = decidedAt.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant();
        long before = appeals();

        clock.set(closes);
        Reply lastMoment = file(w.appellant(), inTime.get("id").asText());
        clock.set(closes.plusSeconds(1));
        Reply tooLate = file(w.appellant(), late.get("id").asText());

        assertThat(lastMoment.status()).as(lastMoment.toString()).isEqualTo(201);
        assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(422);
        assertThat(tooLate.json().get("reason").asText()).isEqualTo("APPEAL_WINDOW_CLOSED");
        assertThat(tooLate.json().get("errors").get(0).get("field").asText()).isEqualTo("noticeId");
        assertThat(appeals()).isEqualTo(before + 1);
        JsonNode lateNotice = api.get("/api/v1/notices/" + late.get("id").asText()).auth(w.appellant().bearer()).send().json();
        assertThat(lateNotice.get("canAppeal").asBoolean()).isFalse();
        assertThat(lateNotice.get("explanation").asText()).contains("The time to appeal ended");
    }

    @Test
    void onlyTheOwnerAppealsOnceAndBadInputStoresNothing() {
        JsonNode notice = recordedNotice();
        String id = notice.get("id").asText();
        long before = appeals();

        Reply unclaimed = file(w.appellant(), id);
        claimed(notice);
        Reply stranger = file(w.otherAppellant(), id);
        Reply responder = file(w.colleague(), id);
        Reply noStatement = api.post("/api/v1/appeals", Map.of("noticeId", id, "statement", "  ", "language", "klingon!"))
                .auth(w.appellant().bearer()).send();
        Reply notAnId = api.post("/api/v1/appeals", Map.of("noticeId", "x", "statement", "s", "language", "fr"))
                .auth(w.appellant().bearer()).send();

        assertThat(unclaimed.status()).isEqualTo(422);
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(withoutWhatNamesTheAnswer(stranger)).isEqualTo(withoutWhatNamesTheAnswer(unclaimed));
        assertThat(responder.status()).isEqualTo(403);
        assertThat(noStatement.status()).isEqualTo(422);
        assertThat(noStatement.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("statement", "language");
        assertThat(notAnId.status()).isEqualTo(422);
        assertThat(appeals()).isEqualTo(before);

        assertThat(file(w.appellant(), id).status()).isEqualTo(201);
        Reply second = file(w.appellant(), id);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().get("reason").asText()).isEqualTo("ALREADY_APPEALED");
        assertThat(appeals()).isEqualTo(before + 1);
    }

    /** The answer less what names this one answer (its path, correlation id and trace), which differs whatever it says. */
    private static JsonNode withoutWhatNamesTheAnswer(Reply reply) {
        tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) reply.json();
        body.remove(List.of("instance", "correlationId", "traceId"));
        return body;
    }
}
