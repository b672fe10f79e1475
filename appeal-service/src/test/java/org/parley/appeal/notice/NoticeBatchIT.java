package org.parley.appeal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * A responder records many statements of reasons in one call: each is checked on its own, the valid ones are
 * stored in one transaction, and a company's own id (puid) makes sending again harmless.
 */
class NoticeBatchIT extends AppealServiceIT {

    private Reply batch(List<Map<String, Object>> notices) {
        return api.post("/api/v1/notices/batch", Map.of("notices", notices)).auth(w.decider().bearer()).send();
    }

    private Map<String, Object> notice() {
        return NoticeBody.notice(clock.instant()).build();
    }

    private Map<String, Object> notice(String puid) {
        return NoticeBody.notice(clock.instant()).with("puid", puid).build();
    }

    private long companyNotices() {
        return count("select count(*) from notice where company_id = cast(? as uuid)", w.company());
    }

    private long companyRollup() {
        return count("select coalesce(sum(notices), 0) from notice_rollup where company_id = cast(? as uuid)", w.company());
    }

    @Test
    void theValidAreStoredAndTheBrokenAnsweredByTheirPosition() {
        long auditBefore = count("select count(*) from audit_record where action = 'NOTICE_RECORDED'");
        Reply reply = batch(List.of(
                notice(),
                NoticeBody.notice(clock.instant()).with("facts", "short").with("ground", null).build(),
                NoticeBody.notice(clock.instant()).with("restriction", "VAPORISED").build(),
                NoticeBody.notice(clock.instant()).with("ground", "INCOMPATIBLE_WITH_TERMS")
                        .with("termsReference", "Community guidelines §4").with("legalReference", null).build()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("created").asInt()).isEqualTo(2);
        assertThat(body.get("existing").asInt()).isZero();
        assertThat(body.get("invalid").asInt()).isEqualTo(2);
        JsonNode items = body.get("items");
        assertThat(items.findValuesAsString("status")).containsExactly("CREATED", "INVALID", "INVALID", "CREATED");
        for (int i = 0; i < 4; i++) {
            assertThat(items.get(i).get("position").asInt()).isEqualTo(i);
        }
        assertThat(items.get(1).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("facts", "ground");
        assertThat(items.get(2).get("errors").findValuesAsString("field")).containsExactly("restriction");
        assertThat(items.get(1).hasNonNull("id")).isFalse();
        assertThat(items.get(0).get("accessCode").asText()).matches("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){6}");
        assertThat(reply.header("Cache-Control")).contains("no-store");

        assertThat(companyNotices()).isEqualTo(2);
        assertThat(companyRollup()).isEqualTo(2);
        assertThat(count("select count(*) from audit_record where action = 'NOTICE_RECORDED'") - auditBefore).isEqualTo(2);
        assertThat(count("select count(*) from audit_record where action = 'NOTICE_RECORDED' and entity_id = ?",
                items.get(3).get("id").asText())).isEqualTo(1);

        // what the batch answered is what a person claims with
        JsonNode claimed = claimed(items.get(3));
        assertThat(claimed.get("id").asText()).isEqualTo(items.get(3).get("id").asText());
        assertThat(claimed.get("ground").asText()).isEqualTo("INCOMPATIBLE_WITH_TERMS");
    }

    @Test
    void aPuidRepeatedInTheBatchOrSentAgainAnswersTheNoticeStoredFirst() {
        String a = "sor-" + UUID.randomUUID();
        String b = "sor-" + UUID.randomUUID();

        JsonNode first = batch(List.of(notice(a), notice(a), notice(b))).json();

        JsonNode items = first.get("items");
        assertThat(items.findValuesAsString("status")).containsExactly("CREATED", "EXISTING", "CREATED");
        assertThat(items.get(1).get("id").asText()).isEqualTo(items.get(0).get("id").asText());
        assertThat(items.get(1).get("reference").asText()).isEqualTo(items.get(0).get("reference").asText());
        assertThat(items.get(1).hasNonNull("accessCode")).isFalse();
        assertThat(companyNotices()).isEqualTo(2);

        JsonNode again = batch(List.of(notice(b), notice(a))).json();

        assertThat(again.get("existing").asInt()).isEqualTo(2);
        assertThat(again.get("items").get(0).get("id").asText()).isEqualTo(items.get(2).get("id").asText());
        assertThat(again.get("items").get(1).get("id").asText()).isEqualTo(items.get(0).get("id").asText());
        assertThat(again.get("items").findValuesAsString("accessCode")).isEmpty();
        assertThat(companyNotices()).isEqualTo(2);
        assertThat(companyRollup()).isEqualTo(2);

        // the single POST keeps the same rule: the notice recorded with the puid, without its code
        Reply single = api.post("/api/v1/notices", notice(a)).auth(w.colleague().bearer()).send();
        assertThat(single.status()).as(single.toString()).isEqualTo(200);
        assertThat(single.json().get("id").asText()).isEqualTo(items.get(0).get("id").asText());
        assertThat(single.json().hasNonNull("accessCode")).isFalse();
        Reply fresh = api.post("/api/v1/notices", notice("sor-" + UUID.randomUUID())).auth(w.colleague().bearer()).send();
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);
        assertThat(companyNotices()).isEqualTo(3);
    }

    @Test
    void theSamePuidOfAnotherCompanyIsAnotherNotice() {
        String puid = "sor-" + UUID.randomUUID();
        batch(List.of(notice(puid)));

        Reply other = api.post("/api/v1/notices/batch", Map.of("notices", List.of(notice(puid))))
                .auth(w.stranger().bearer()).send();

        assertThat(other.json().get("items").get(0).get("status").asText()).isEqualTo("CREATED");
    }

    @Test
    void aPuidLongerThan500CharactersIsBroken() {
        JsonNode items = batch(List.of(notice("x".repeat(501)), notice("x".repeat(500)))).json().get("items");

        assertThat(items.findValuesAsString("status")).containsExactly("INVALID", "CREATED");
        assertThat(items.get(0).get("errors").findValuesAsString("field")).containsExactly("puid");
    }

    @Test
    void moreThanAThousandNoticesOrNoneAreRefusedAndStoreNothing() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(notice());
        }

        Reply refused = batch(tooMany);

        assertThat(refused.status()).as(refused.toString()).isIn(413, 422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        Reply empty = batch(List.of());
        assertThat(empty.status()).as(empty.toString()).isEqualTo(422);
        assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactly("notices");
        assertThat(companyNotices()).isZero();
    }

    @Test
    void aThousandNoticesAreStoredInOneCall() {
        List<Map<String, Object>> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(notice("bulk-" + i));
        }

        Reply reply = batch(thousand);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("created").asInt()).isEqualTo(1000);
        assertThat(companyNotices()).isEqualTo(1000);
        assertThat(companyRollup()).isEqualTo(1000);
        assertThat(count("select count(distinct reference) from notice where company_id = cast(? as uuid)", w.company()))
                .isEqualTo(1000);
    }

    @Test
    void aResponderRecordsOnlyForTheirOwnCompany() {
        Reply reply = api.post("/api/v1/notices/batch", Map.of("notices", List.of(
                        NoticeBody.notice(clock.instant()).with("companyId", w.otherCompany()).build())))
                .auth(w.decider().bearer()).send();

        String id = reply.json().get("items").get(0).get("id").asText();
        assertThat(count("select count(*) from notice where id = cast(? as uuid) and company_id = cast(? as uuid)",
                id, w.company())).isEqualTo(1);
        assertThat(count("select count(*) from notice where company_id = cast(? as uuid)", w.otherCompany())).isZero();
        assertThat(api.get("/api/v1/notices/" + id).auth(w.stranger().bearer()).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/notices/batch", Map.of("notices", List.of(notice())))
                .auth(w.appellant().bearer()).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/notices/batch", Map.of("notices", List.of(notice())))
                .auth(w.reviewer().bearer()).send().status()).isEqualTo(403);
        // who may send a batch is decided before what it holds
        assertThat(api.post("/api/v1/notices/batch", Map.of()).auth(w.reviewer().bearer()).send().status()).isEqualTo(403);
    }

    @Test
    void aDatabaseFailureMidwayStoresNothingOfTheBatch() {
        // the counters are the batch's last statement: when it fails, the notices, keys and audit records
        // written before it must go too
        jdbc.sql("""
                create or replace function fail_counting() returns trigger language plpgsql as $$
                begin raise exception 'the disk is full'; end $$
                """).update();
        jdbc.sql("create trigger fail_counting before insert on notice_rollup for each row "
                + "when (new.company_id = '" + UUID.fromString(w.company()) + "') execute function fail_counting()").update();
        long audit = count("select count(*) from audit_record");
        long keys = count("select count(*) from notice_key");
        try {
            Reply reply = batch(List.of(notice("p-1"), notice("p-2"), notice("p-3")));

            assertThat(reply.status()).as(reply.toString()).isGreaterThanOrEqualTo(500);
            assertThat(reply.body()).doesNotContain("disk is full");
        } finally {
            jdbc.sql("drop trigger fail_counting on notice_rollup").update();
        }
        assertThat(companyNotices()).isZero();
        assertThat(count("select count(*) from notice_key where company_id = cast(? as uuid)", w.company())).isZero();
        assertThat(count("select count(*) from notice_key")).isEqualTo(keys);
        assertThat(count("select count(*) from audit_record")).isEqualTo(audit);

        // and the puids are free again
        assertThat(batch(List.of(notice("p-1"))).json().get("created").asInt()).isEqualTo(1);
    }
}
