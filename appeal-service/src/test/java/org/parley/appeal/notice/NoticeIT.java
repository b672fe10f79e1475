package org.parley.appeal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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

class NoticeIT extends AppealServiceIT {

    // ---- recording --------------------------------------------------------------------------------

    @Test
    void responderRecordsANoticeAndGetsAReferenceAndAOneTimeCode() {
        Reply reply = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).build()).auth(w.decider().bearer()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode body = reply.json();
        String id = body.get("id").asText();
        assertThat(reply.header("Location")).isEqualTo("/api/v1/notices/" + id);
        assertThat(body.get("reference").asText()).matches("N-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        assertThat(body.get("accessCode").asText()).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");

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
    void theAccessCodeIsStoredOnlyAsASaltedHashAndTheAccountOnlyEncrypted() {
        JsonNode recorded = recordedNotice();
        String code = recorded.get("accessCode").asText();

        Map<String, Object> row = jdbc.sql("select access_code_hash, account_ref_sealed from notice where id = ?")
                .param(UUID.fromString(recorded.get("id").asText())).query().singleRow();

        assertThat((String) row.get("access_code_hash")).startsWith("pbkdf2-sha256$")
                .doesNotContain(code).doesNotContain(code.replace("-", ""));
        assertThat((String) row.get("account_ref_sealed")).startsWith("k1:").doesNotContain("user-8841");
        assertThat(api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.decider().bearer()).send()
                .json().get("accountRef").asText()).isEqualTo("user-8841");
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

    // ---- the government order behind a notice ---------------------------------------------------

    @Test
    void theRequestMustBeARemovalOrderOrReferralToTheRespondersOwnCompany() {
        String toOther = REQUESTS.removalOrder(w.otherCompany());
        String unknown = UUID.randomUUID().toString();
        String information = REQUESTS.informationRequest(w.company());
        long before = notices();

        for (String requestId : List.of(toOther, unknown, information)) {
            Reply reply = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).requestId(requestId).build())
                    .auth(w.decider().bearer()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("requestId");
        }
        assertThat(notices()).isEqualTo(before);
    }

    @Test
    void theRequestIsLookedUpAsTheServiceNotWithTheCallersToken() {
        String order = REQUESTS.removalOrder(w.company());

        recorded(NoticeBody.notice(clock.instant()).requestId(order));

        // the caller's token would be forwarded without AS_SERVICE; as the service (no client configured here) none is sent
        assertThat(REQUESTS.lastAuthorization()).isNull();
    }

    @Test
    void theOwnerSeesTheAuthorityTypeAndLegalBasisOfTheOrder() {
        String order = REQUESTS.removalOrder(w.company());
        JsonNode recorded = recorded(NoticeBody.notice(clock.instant()).requestId(order));

        JsonNode seen = claimed(recorded);

        JsonNode shown = seen.get("order");
        assertThat(shown.get("authority").asText()).isEqualTo("Germany: Federal Office for Online Safety");
        assertThat(shown.get("authorityCountry").asText()).isEqualTo("DE");
        assertThat(shown.get("type").asText()).isEqualTo("REMOVAL_ORDER");
        assertThat(shown.get("legalBasis").get("instrument").asText()).isEqualTo("Regulation (EU) 2021/784");
        assertThat(shown.get("legalBasis").get("provision").asText()).isEqualTo("Art. 3");
        assertThat(shown.has("confidential")).isFalse();
        assertThat(seen.get("complete").asBoolean()).isTrue();
        assertThat(seen.get("explanation").asText())
                .contains("removal order from Germany: Federal Office for Online Safety")
                .contains("StGB §130").contains("You can appeal until");
        assertThat(seen.has("requestId")).as("the request id is for staff").isFalse();
        assertThat(seen.has("recordedBy")).as("staff names are for staff").isFalse();
        assertThat(seen.get("accountRef").asText()).isEqualTo("user-8841");
        assertThat(seen.get("canAppeal").asBoolean()).isTrue();
    }

    @Test
    void whileAGagOrderIsInForceTheOwnerSeesOnlyThatAConfidentialOrderExistsAndUntilWhen() {
        Instant until = clock.instant().plus(Duration.ofDays(60)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String order = REQUESTS.gaggedRemovalOrder(w.company(), until);
        JsonNode recorded = recorded(NoticeBody.notice(clock.instant()).requestId(order));

        JsonNode seen = claimed(recorded);

        JsonNode shown = seen.get("order");
        assertThat(shown.get("confidential").asBoolean()).isTrue();
        assertThat(Instant.parse(shown.get("until").asText())).isEqualTo(until);
        assertThat(shown.has("authority")).isFalse();
        assertThat(shown.has("legalBasis")).isFalse();
        assertThat(shown.has("type")).isFalse();
        assertThat(seen.get("explanation").asText()).contains("confidential").doesNotContain("Germany");

        REQUESTS.liftGag(order);
        JsonNode after = api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer()).send().json();
        assertThat(after.get("order").get("authority").asText()).isEqualTo("Germany: Federal Office for Online Safety");
    }

    @Test
    void whileRequestServiceIsDownTheNoticeStillShowsMarkedIncompleteNeverAsNoOrder() {
        String order = REQUESTS.removalOrder(w.company());
        JsonNode recorded = recorded(NoticeBody.notice(clock.instant()).requestId(order));
        claimed(recorded);
        JsonNode plain = recorded(NoticeBody.notice(clock.instant()));

        requestServiceDown();
        try {
            Reply reply = api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer()).send();

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.json().get("order").get("unavailable").asBoolean()).isTrue();
            assertThat(reply.json().get("complete").asBoolean()).isFalse();
            assertThat(reply.json().get("explanation").asText()).contains("look again later");

            JsonNode withoutOrder = api.get("/api/v1/notices/" + plain.get("id").asText()).auth(w.decider().bearer())
                    .send().json();
            assertThat(withoutOrder.get("order").isNull()).as("order: null only when there is none").isTrue();
            assertThat(withoutOrder.get("complete").asBoolean()).isTrue();

            Reply recording = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).requestId(order).build())
                    .auth(w.decider().bearer()).send();
            assertThat(recording.status()).as("a notice naming an order cannot be checked: 503").isEqualTo(503);
        } finally {
            requestServiceBack();
        }
        assertThat(api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer()).send()
                .json().get("order").get("authority").asText()).isEqualTo("Germany: Federal Office for Online Safety");
    }

    // ---- who sees what -------------------------------------------------------------------------

    @Test
    void visibilityFollowsRoleAndTenant() {
        JsonNode recorded = recordedNotice();
        String path = "/api/v1/notices/" + recorded.get("id").asText();

        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get(path).auth(w.decider().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.colleague().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.stranger().bearer()).send().status()).as("another company's responder").isEqualTo(404);
        assertThat(api.get(path).auth(w.appellant().bearer()).send().status()).as("not claimed yet").isEqualTo(404);
        assertThat(api.get(path).auth(w.reviewer().bearer()).send().status()).as("not escalated").isEqualTo(404);
        assertThat(api.get(path).auth(w.liaison().bearer()).send().status()).isEqualTo(404);
        Reply admin = api.get(path).auth(w.admin().bearer()).send();
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("recordedBy").get("username").asText()).isEqualTo(w.decider().username());

        claimed(recorded);
        assertThat(api.get(path).auth(w.appellant().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.otherAppellant().bearer()).send().status()).isEqualTo(404);

        Reply notFound = api.get("/api/v1/notices/" + UUID.randomUUID()).auth(w.admin().bearer()).send();
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/notices/not-an-id").auth(w.admin().bearer()).send().status()).isEqualTo(404);
    }

    @Test
    void listsShowEachCallerOnlyWhatTheyMaySeeAndPageThroughEverythingOnce() {
        for (int i = 0; i < 5; i++) {
            recorded(NoticeBody.notice(clock.instant()).with("contentRef", "https://video.example.com/v/" + i));
        }
        recorded(w.stranger(), NoticeBody.notice(clock.instant()));

        List<String> seen = new java.util.ArrayList<>();
        String token = null;
        do {
            Reply page = api.get("/api/v1/notices?pageSize=2" + (token == null ? "" : "&pageToken=" + token))
                    .auth(w.colleague().bearer()).send();
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> {
                assertThat(item.get("companyId").asText()).isEqualTo(w.company());
                seen.add(item.get("id").asText());
            });
            token = page.json().hasNonNull("nextPageToken") ? page.json().get("nextPageToken").asText() : null;
        } while (token != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();

        assertThat(api.get("/api/v1/notices").auth(w.appellant().bearer()).send().json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/notices").auth(w.liaison().bearer()).send().json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/notices?claimed=false").auth(w.decider().bearer()).send().json().get("items"))
                .hasSize(5);
        assertThat(api.get("/api/v1/notices?pageSize=501").auth(w.decider().bearer()).send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/notices?pageToken=garbage").auth(w.decider().bearer()).send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/notices?claimed=maybe").auth(w.decider().bearer()).send().status()).isEqualTo(400);
    }

    @Test
    void theHistoryShowsWhatHappenedAndHidesStaffNamesFromTheOwner() {
        JsonNode recorded = recordedNotice();
        claimed(recorded);
        String path = "/api/v1/notices/" + recorded.get("id").asText() + "/history";

        JsonNode staff = api.get(path).auth(w.decider().bearer()).send().json();
        JsonNode owner = api.get(path).auth(w.appellant().bearer()).send().json();

        assertThat(staff.findValuesAsString("action")).containsExactly("NOTICE_RECORDED", "NOTICE_CLAIMED");
        assertThat(staff.get(0).get("actor").asText()).isEqualTo(w.decider().username());
        assertThat(owner.findValuesAsString("action")).containsExactly("NOTICE_RECORDED", "NOTICE_CLAIMED");
        assertThat(owner.get(0).has("actor")).isFalse();
        assertThat(api.get(path).auth(w.stranger().bearer()).send().status()).isEqualTo(404);
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

    @Test
    void aLostCodeIsReplacedByTheCompanyUntilTheNoticeIsClaimed() {
        JsonNode recorded = recordedNotice();
        String path = "/api/v1/notices/" + recorded.get("id").asText() + "/access-code";

        assertThat(api.post(path, Map.of()).auth(w.stranger().bearer()).send().status()).isEqualTo(404);
        assertThat(api.post(path, Map.of()).auth(w.admin().bearer()).send().status()).isEqualTo(403);
        Reply replaced = api.post(path, Map.of()).auth(w.colleague().bearer()).send();

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.header("Cache-Control")).contains("no-store");
        String code = replaced.json().get("accessCode").asText();
        assertThat(code).isNotEqualTo(recorded.get("accessCode").asText());
        assertThat(replaced.json().get("reference").asText()).isEqualTo(recorded.get("reference").asText());
        assertThat(claim(w.appellant(), recorded.get("reference").asText(), recorded.get("accessCode").asText()).status())
                .as("the old code stopped working").isEqualTo(404);
        assertThat(claim(w.appellant(), recorded.get("reference").asText(), code).status()).isEqualTo(201);
        Reply afterClaim = api.post(path, Map.of()).auth(w.colleague().bearer()).send();
        assertThat(afterClaim.status()).isEqualTo(409);
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'ACCESS_CODE_REPLACED'",
                recorded.get("id").asText())).isEqualTo(1);
    }

    private long notices() {
        return count("select count(*) from notice");
    }
}
