package org.parley.appeal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.Actor;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.FakeStakeholderService;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * A responder records a statement of reasons for their own company, or is told at once everything that is
 * wrong with it.
 */
class RecordingNoticesIT extends AppealServiceIT {

    @Test
    void responderRecordsANoticeAndGetsAReferenceAndAOneTimeCode() {
        Reply reply = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).build()).auth(w.decider().bearer()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode body = reply.json();
        String id = body.get("id").asText();
        assertThat(reply.header("Location")).isEqualTo("/api/v1/notices/" + id);
        assertThat(body.get("reference").asText()).matches("N-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        assertThat(body.get("accessCode").asText()).matches("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){6}");

        Reply read = api.get("/api/v1/notices/" + id).auth(w.decider().bearer()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(body.get("accessCode").asText())
                .doesNotContain(body.get("accessCode").asText().replace("-", ""));
        assertThat(read.json().get("recordedBy").get("username").asText()).isEqualTo(w.decider().username());
        assertThat(read.json().get("claimed").asBoolean()).isFalse();
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'NOTICE_RECORDED'", id))
                .isEqualTo(1);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnceAnd422StoresNothing() {
        long before = notices();

        Reply reply = api.post("/api/v1/notices", NoticeBody.notice(clock.instant())
                        .with("contentRef", " ")
                        .with("ground", "ILLEGAL_CONTENT").with("legalReference", null)
                        .with("territorialScope", List.of("DE", "Germany"))
                        .with("facts", "short")
                        .with("automatedDecision", null)
                        .decidedAt(clock.instant().plus(Duration.ofDays(2)))
                        .with("language", "not a language")
                        .with("requestId", "not-an-id")
                        .category("NO_SUCH_CATEGORY")
                        .build())
                .auth(w.decider().bearer()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "contentRef", "legalReference", "territorialScope[1]", "facts", "automatedDecision", "decidedAt",
                "language", "requestId", "category");
        assertThat(notices()).isEqualTo(before);
    }

    @Test
    void aTermsGroundNeedsTheClauseAndAGeoBlockNeedsCountries() {
        Reply reply = api.post("/api/v1/notices", NoticeBody.notice(clock.instant())
                        .with("ground", "INCOMPATIBLE_WITH_TERMS").with("legalReference", null)
                        .with("restriction", "GEO_BLOCKED").with("territorialScope", List.of("WORLDWIDE"))
                        .build())
                .auth(w.decider().bearer()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("termsReference", "territorialScope");
    }

    @Test
    void malformedJsonUnknownEnumsAndNulCharactersAreRefusedWithoutA5xx() {
        long before = notices();

        Reply broken = api.post("/api/v1/notices", "{\"contentRef\": \"x\", ").auth(w.decider().bearer()).send();
        Reply unknownEnum = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).with("restriction", "SHADOW_BANNED")
                .build()).auth(w.decider().bearer()).send();
        Reply wrongType = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).with("decidedAt", "yesterday")
                .build()).auth(w.decider().bearer()).send();
        Reply nul = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).with("facts", "Facts with a \u0000 NUL byte")
                .build()).auth(w.decider().bearer()).send();
        Reply empty = api.post("/api/v1/notices", "").auth(w.decider().bearer()).send();
        Reply array = api.post("/api/v1/notices", "[]").auth(w.decider().bearer()).send();

        assertThat(broken.status()).isEqualTo(400);
        assertThat(unknownEnum.status()).isEqualTo(400);
        assertThat(unknownEnum.json().get("errors").get(0).get("field").asText()).isEqualTo("restriction");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(nul.status()).as(nul.toString()).isEqualTo(422);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(array.status()).isEqualTo(400);
        for (Reply reply : List.of(broken, unknownEnum, wrongType, nul, empty, array)) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(notices()).isEqualTo(before);
    }

    @Test
    void onlyRespondersRecordNoticesAndOnlyForTheirOwnCompany() {
        long before = notices();

        assertThat(api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).build()).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).build()).auth(w.appellant().bearer())
                .send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).build()).auth(w.liaison().bearer())
                .send().status()).isEqualTo(403);
        Actor unbound = Actor.of("unbound-responder-" + UUID.randomUUID(), null, Role.COMPANY_RESPONDER);
        assertThat(api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).build()).auth(unbound.bearer())
                .send().status()).isEqualTo(403);

        JsonNode recorded = recordedNotice();
        assertThat(api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.decider().bearer()).send()
                .json().get("companyId").asText()).isEqualTo(w.company());
        assertThat(notices()).isEqualTo(before + 1);
    }

    @Test
    void aSuspendedCompanyOrAStateCannotRecordNotices() {
        STAKEHOLDERS.suspend(w.company());

        Reply reply = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).build()).auth(w.decider().bearer()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().get("reason").asText()).isEqualTo("COMPANY_NOT_ACTIVE");
    }

    @Test
    void theCategoryMustBeOneOfTheActiveContentGuidance() {
        Reply reply = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).category("HATE_SPEECH").build())
                .auth(w.decider().bearer()).send();

        assertThat(reply.status()).isEqualTo(422);
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("category");
        assertThat(error.get("message").asText()).contains(FakeStakeholderService.INCITEMENT);

        JsonNode ok = recorded(NoticeBody.notice(clock.instant()).incitement());
        JsonNode read = api.get("/api/v1/notices/" + ok.get("id").asText()).auth(w.decider().bearer()).send().json();
        assertThat(read.get("categoryName").asText()).isEqualTo("Incitement to violence");
        assertThat(read.get("rabatTestRequired").asBoolean()).isTrue();
        assertThat(read.get("standardsVersion").asInt()).isEqualTo(STAKEHOLDERS.standardsVersion());
    }

    @Test
    void whileStakeholderServiceIsDownBadInputIsStill422AndGoodInputIs503() {
        STAKEHOLDERS.down(true);
        long before = notices();

        Reply bad = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).with("facts", null).build())
                .auth(w.decider().bearer()).send();
        Reply good = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).build()).auth(w.decider().bearer()).send();

        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(good.status()).as(good.toString()).isEqualTo(503);
        assertThat(good.contentType()).startsWith("application/problem+json");
        assertThat(notices()).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyAndBodyRecordOneNoticeAndTheCodeIsNeverKeptForReplays() {
        Map<String, Object> body = NoticeBody.notice(clock.instant()).build();
        long before = notices();

        Reply first = api.post("/api/v1/notices", body).auth(w.decider().bearer()).header("Idempotency-Key", "k-1").send();
        Reply again = api.post("/api/v1/notices", body).auth(w.decider().bearer()).header("Idempotency-Key", "k-1").send();
        Reply other = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).with("facts", "Other facts entirely.")
                .build()).auth(w.decider().bearer()).header("Idempotency-Key", "k-1").send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Cache-Control")).contains("no-store");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Location")).as("the replay names the same notice").isEqualTo(first.header("Location"));
        assertThat(again.body()).as("the code is shown once").doesNotContain(first.json().get("accessCode").asText());
        assertThat(count("select count(*) from idempotency_key where key = 'k-1' and body is not null")).isZero();
        assertThat(other.status()).isEqualTo(422);
        assertThat(notices()).isEqualTo(before + 1);
    }
}
