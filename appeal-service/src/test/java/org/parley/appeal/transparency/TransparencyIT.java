package org.parley.appeal.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** The public figures: counted in the transaction of each change, shown with "&lt;k" for small counts. */
class TransparencyIT extends AppealServiceIT {

    @Test
    void noticesByGroundCategoryAndAutomationAndAppealsByOutcomeWithSmallCountsHidden() {
        for (int i = 0; i < 6; i++) {
            String appeal = filedAppeal().get("id").asText();
            decided(appeal, i == 0 ? "UPHELD" : "REVERSED");
        }
        recorded(NoticeBody.notice(clock.instant()).incitement().with("ground", "INCOMPATIBLE_WITH_TERMS")
                .with("termsReference", "Community Guidelines §4.2").with("automatedDetection", false));

        Reply reply = api.get("/api/v1/transparency/appeals?company=" + w.company()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("public").contains("max-age=60");
        JsonNode figures = reply.json();
        assertThat(figures.get("k").asInt()).isEqualTo(5);
        assertThat(figures.get("kFallback").asBoolean()).isFalse();
        assertThat(figures.get("notices")).hasSize(2);
        JsonNode removals = row(figures.get("notices"), "TERRORIST_CONTENT");
        assertThat(removals.get("count").asText()).isEqualTo("6");
        assertThat(removals.get("ground").asText()).isEqualTo("ILLEGAL_CONTENT");
        assertThat(removals.get("automatedDetection").asBoolean()).isTrue();
        assertThat(removals.get("automatedDecision").asBoolean()).isFalse();
        assertThat(removals.get("companyName").asText()).isEqualTo("Company " + w.company().substring(0, 8));
        assertThat(row(figures.get("notices"), "INCITEMENT_TO_VIOLENCE").get("count").asText()).isEqualTo("<5");

        JsonNode appeals = figures.get("appeals").get(0);
        assertThat(appeals.get("company").asText()).isEqualTo(w.company());
        assertThat(appeals.get("filed").asText()).isEqualTo("6");
        assertThat(appeals.get("decided").get("total").asText()).isEqualTo("6");
        assertThat(appeals.get("decided").get("reversed").asText()).isEqualTo("5");
        assertThat(appeals.get("decided").get("upheld").asText()).isEqualTo("<5");
        assertThat(appeals.get("reversalRate").asDouble()).isEqualTo(0.8333);
        assertThat(appeals.get("medianDaysToDecision").asDouble()).isBetween(0.0, 0.01);
        assertThat(appeals.get("decidedInTime").asText()).isEqualTo("6");
        assertThat(appeals.get("escalated").asText()).isEqualTo("0");
        assertThat(figures.get("total").get("filed").asText()).isEqualTo("6");
    }

    @Test
    void adminsGetExactCountsForAuditsAndNobodyElseDoes() {
        String appeal = filedAppeal().get("id").asText();
        decided(appeal, "UPHELD");
        escalated(appeal);
        independentlyDecided(appeal, "REVERSED");
        String path = "/api/v1/transparency/appeals?exact=true&company=" + w.company();

        Reply exact = api.get(path).auth(w.admin().bearer()).send();

        assertThat(exact.status()).as(exact.toString()).isEqualTo(200);
        JsonNode appeals = exact.json().get("appeals").get(0);
        assertThat(appeals.get("decided").get("upheld").asText()).isEqualTo("1");
        assertThat(appeals.get("escalated").asText()).isEqualTo("1");
        assertThat(appeals.get("independentlyDecided").get("reversed").asText()).isEqualTo("1");
        assertThat(appeals.get("reversalRate").asDouble()).isZero();
        assertThat(exact.json().get("exact").asBoolean()).isTrue();
        assertThat(exact.header("Cache-Control")).contains("no-store");

        assertThat(api.get(path).send().status()).isEqualTo(403);
        assertThat(api.get(path).auth(w.colleague().bearer()).send().status()).isEqualTo(403);
        JsonNode hidden = api.get("/api/v1/transparency/appeals?company=" + w.company()).send().json().get("appeals").get(0);
        assertThat(hidden.get("escalated").asText()).isEqualTo("<5");
        assertThat(hidden.has("reversalRate")).as("a rate over fewer than k decisions would give them away").isFalse();
    }

    @Test
    void kIsTakenFromTheActiveStandards() {
        STAKEHOLDERS.transparencyK(2);
        recordedNotice();
        recordedNotice();
        recorded(NoticeBody.notice(clock.instant()).incitement());

        JsonNode figures = api.get("/api/v1/transparency/appeals?company=" + w.company()).send().json();

        assertThat(figures.get("k").asInt()).isEqualTo(2);
        assertThat(figures.get("standardsVersion").asInt()).isEqualTo(STAKEHOLDERS.standardsVersion());
        assertThat(row(figures.get("notices"), "TERRORIST_CONTENT").get("count").asText()).isEqualTo("2");
        assertThat(row(figures.get("notices"), "INCITEMENT_TO_VIOLENCE").get("count").asText()).isEqualTo("<2");
    }

    @Test
    void whileTheStandardsCannotBeHadTheDefaultKAppliesAndTheAnswerSaysSo() {
        recordedNotice();
        STAKEHOLDERS.down(true);
        clock.advance(Duration.ofHours(2));

        Reply reply = api.get("/api/v1/transparency/appeals?company=" + w.company()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("k").asInt()).isEqualTo(5);
        assertThat(reply.json().get("kFallback").asBoolean()).isTrue();
        assertThat(reply.json().get("note").asText()).contains("could not be reached");
        assertThat(row(reply.json().get("notices"), "TERRORIST_CONTENT").get("count").asText()).isEqualTo("<5");
    }

    @Test
    void csvHasOneFigureARowForSpreadsheets() {
        recordedNotice();
        String appeal = filedAppeal().get("id").asText();
        decided(appeal, "REVERSED");

        Reply byAccept = api.get("/api/v1/transparency/appeals?company=" + w.company()).header("Accept", "text/csv").send();
        Reply byFormat = api.get("/api/v1/transparency/appeals?format=csv&company=" + w.company()).send();

        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(byAccept.contentType()).startsWith("text/csv");
        List<String> lines = byAccept.body().lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("section,company,companyName,ground,category,automatedDetection,automatedDecision,figure,value");
        assertThat(lines).contains("period,,,,,,,k,5");
        assertThat(lines).contains("notices," + w.company() + ",Company " + w.company().substring(0, 8)
                + ",ILLEGAL_CONTENT,TERRORIST_CONTENT,true,false,count,<5");
        assertThat(lines).contains("appeals," + w.company() + ",Company " + w.company().substring(0, 8)
                + ",,,,,decidedReversed,<5");
        assertThat(lines).anyMatch(line -> line.startsWith("appeals,ALL,,,,,,filed,"));
        assertThat(byFormat.body()).isEqualTo(byAccept.body());
    }

    @Test
    void periodsAreWholeUtcDaysAndBadParametersAre422NotErrors() {
        recordedNotice();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        JsonNode lastYear = api.get("/api/v1/transparency/appeals?company=" + w.company() + "&from=" + today.minusYears(1)
                + "&to=" + today).send().json();
        JsonNode includingToday = api.get("/api/v1/transparency/appeals?company=" + w.company() + "&from=" + today
                + "T00:00:00Z&to=" + today + "T12:00:00Z").send().json();

        assertThat(lastYear.get("notices")).isEmpty();
        assertThat(includingToday.get("notices")).hasSize(1);
        assertThat(includingToday.get("to").asText()).isEqualTo(today.plusDays(1).toString());

        for (String query : List.of("from=2026-13-01", "from=2026-02-01&to=2026-01-01", "company=acme", "from=1900-01-01",
                "to=tomorrow")) {
            Reply bad = api.get("/api/v1/transparency/appeals?" + query).send();
            assertThat(bad.status()).as(query + " " + bad).isEqualTo(422);
            assertThat(bad.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/transparency/appeals?exact=perhaps").send().status()).isEqualTo(400);
    }

    @Test
    void everyFigureCanBeRecomputedFromTheNoticesAndAppealsThemselves() {
        for (int i = 0; i < 3; i++) {
            String appeal = filedAppeal().get("id").asText();
            decided(appeal, i == 0 ? "PARTIALLY_REVERSED" : "UPHELD");
        }
        recorded(NoticeBody.notice(clock.instant()).with("automatedDecision", true));
        UUID company = UUID.fromString(w.company());

        assertThat(count("select coalesce(sum(notices), 0) from notice_rollup where company_id = ?", company))
                .isEqualTo(count("select count(*) from notice where company_id = ?", company));
        assertThat(count("select coalesce(sum(notices), 0) from notice_rollup where company_id = ? and automated_decision", company))
                .isEqualTo(count("select count(*) from notice where company_id = ? and automated_decision", company));
        assertThat(count("select coalesce(sum(count), 0) from appeal_rollup where company_id = ? and metric = 'FILED'", company))
                .isEqualTo(count("select count(*) from appeal where company_id = ?", company));
        assertThat(count("select coalesce(sum(count), 0) from appeal_rollup where company_id = ? and metric = 'DECIDED' and outcome = 'UPHELD'", company))
                .isEqualTo(count("select count(*) from appeal where company_id = ? and outcome = 'UPHELD'", company));
        assertThat(count("select coalesce(sum(count), 0) from decision_time_day where company_id = ?", company))
                .isEqualTo(count("select count(*) from appeal where company_id = ? and decided_at is not null", company));
        for (String table : List.of("decision_time_day", "decision_time_month")) {
            String bucket = table.equals("decision_time_day") ? "(decided_at at time zone 'UTC')::date"
                    : "date_trunc('month', decided_at at time zone 'UTC')::date";
            String key = table.equals("decision_time_day") ? "day" : "month";
            assertThat(count("""
                    select count(*) from (
                      (select %s, floor(extract(epoch from (decided_at - filed_at)) / 3600)::bigint, count(*)
                       from appeal where company_id = ? and decided_at is not null group by 1, 2
                       except
                       select %s, hours, count from %s where company_id = ?)
                      union all
                      (select %s, hours, count from %s where company_id = ?
                       except
                       select %s, floor(extract(epoch from (decided_at - filed_at)) / 3600)::bigint, count(*)
                       from appeal where company_id = ? and decided_at is not null group by 1, 2)) differences
                    """.formatted(bucket, key, table, key, table, bucket), company, company, company, company))
                    .as(table).isZero();
        }
    }

    @Test
    void theOpenApiDocumentDescribesThePublicApiWithoutTheCaller() {
        Reply docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/notices", "/api/v1/notices/{id}",
                "/api/v1/notices/claims", "/api/v1/appeals/{id}/decision", "/api/v1/transparency/appeals");
        assertThat(docs.json().get("paths").get("/api/v1/notices").get("get").get("parameters").findValuesAsString("name"))
                .as("the caller comes from the token").containsExactlyInAnyOrder("claimed", "requestId", "pageSize", "pageToken");
    }

    private void escalated(String appeal) {
        Reply reply = api.post("/api/v1/appeals/" + appeal + "/escalation", Map.of("reason", "I disagree with the reasons."))
                .auth(w.appellant().bearer()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }


    private static JsonNode row(JsonNode rows, String category) {
        for (JsonNode row : rows) {
            if (row.get("category").asText().equals(category)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + category + " in " + rows);
    }
}
