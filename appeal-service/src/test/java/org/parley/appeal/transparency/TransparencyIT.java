package org.parley.appeal.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.DifferencingAttack;
import org.parley.common.transparency.CalendarPeriod;
import tools.jackson.databind.JsonNode;

/** The public figures: counted in the transaction of each change, shown with "&lt;k" for small counts. */
class TransparencyIT extends AppealServiceIT {

    /** Moves the clock to the next month, so that this one is over and its figures published; returns it. */
    private CalendarPeriod endTheMonth() {
        CalendarPeriod month = CalendarPeriod.holding(CalendarPeriod.Unit.MONTH, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        clock.set(month.end().atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9)));
        return month;
    }

    @Test
    void noticesByGroundCategoryAndAutomationAndAppealsByOutcomeWithSmallCountsHidden() {
        for (int i = 0; i < 6; i++) {
            String appeal = filedAppeal().get("id").asText();
            decided(appeal, i == 0 ? "UPHELD" : "REVERSED");
        }
        recorded(NoticeBody.notice(clock.instant()).incitement().with("ground", "INCOMPATIBLE_WITH_TERMS")
                .with("termsReference", "Community Guidelines §4.2").with("automatedDetection", false));
        CalendarPeriod month = endTheMonth();

        Reply reply = api.get("/api/v1/transparency/appeals?period=" + month + "&company=" + w.company()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("public").contains("max-age=60");
        JsonNode figures = reply.json();
        assertThat(figures.get("k").asInt()).isEqualTo(5);
        assertThat(figures.get("kFallback").asBoolean()).isFalse();
        assertThat(figures.get("notices")).hasSize(2);
        JsonNode removals = row(figures.get("notices"), "TERRORIST_CONTENT");
        assertThat(removals.get("count").asText()).as(figures.toString()).isEqualTo("6");
        assertThat(removals.get("ground").asText()).isEqualTo("ILLEGAL_CONTENT");
        assertThat(removals.get("automatedDetection").asBoolean()).isTrue();
        assertThat(removals.get("automatedDecision").asBoolean()).isFalse();
        assertThat(removals.get("companyName").asText()).isEqualTo("Company " + w.company().substring(0, 8));
        assertThat(row(figures.get("notices"), "INCITEMENT_TO_VIOLENCE").get("count").asText()).isEqualTo("<5");

        JsonNode appeals = figures.get("appeals").get(0);
        assertThat(appeals.get("company").asText()).isEqualTo(w.company());
        assertThat(appeals.get("filed").asText()).as("withheld where the other companies' small counts need it").isIn("6", "withheld");
        assertThat(appeals.get("decided").get("upheld").asText()).isEqualTo("<5");
        assertThat(List.of(appeals.get("decided").get("total").asText(), appeals.get("decided").get("reversed").asText()))
                .as("6 decided, 5 reversed would tell that 1 was upheld").contains("withheld");
        assertThat(appeals.path("reversalRate").isNull() || appeals.path("reversalRate").isMissingNode())
                .as("a rate over a withheld count would give it back").isTrue();
        assertThat(appeals.get("decidedInTime").asText()).isIn("6", "withheld");
        assertThat(appeals.get("escalated").asText()).isEqualTo("0");
        assertThat(figures.get("period").asText()).isEqualTo(month.toString());
    }

    @Test
    void adminsGetExactCountsForAuditsAndNobodyElseDoes() {
        String appeal = filedAppeal().get("id").asText();
        decided(appeal, "UPHELD");
        escalated(appeal);
        independentlyDecided(appeal, "REVERSED");
        CalendarPeriod month = endTheMonth();
        String path = "/api/v1/transparency/appeals?exact=true&period=" + month + "&company=" + w.company();

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
        JsonNode hidden = api.get("/api/v1/transparency/appeals?period=" + month + "&company=" + w.company()).send().json()
                .get("appeals").get(0);
        assertThat(hidden.get("escalated").asText()).isEqualTo("<5");
        assertThat(hidden.has("reversalRate")).as("a rate over fewer than k decisions would give them away").isFalse();
    }

    @Test
    void kIsTakenFromTheActiveStandards() {
        STAKEHOLDERS.transparencyK(2);
        recordedNotice();
        recordedNotice();
        recorded(NoticeBody.notice(clock.instant()).incitement());
        CalendarPeriod month = endTheMonth();

        JsonNode figures = api.get("/api/v1/transparency/appeals?period=" + month + "&company=" + w.company()).send().json();

        assertThat(figures.get("k").asInt()).isEqualTo(2);
        assertThat(figures.get("standardsVersion").asInt()).isEqualTo(STAKEHOLDERS.standardsVersion());
        assertThat(row(figures.get("notices"), "TERRORIST_CONTENT").get("count").asText()).isEqualTo("2");
        assertThat(row(figures.get("notices"), "INCITEMENT_TO_VIOLENCE").get("count").asText()).isEqualTo("<2");
    }

    @Test
    void whileTheStandardsCannotBeHadTheDefaultKAppliesAndTheAnswerSaysSo() {
        recordedNotice();
        CalendarPeriod month = endTheMonth();
        STAKEHOLDERS.down(true);
        clock.advance(Duration.ofHours(2));

        Reply reply = api.get("/api/v1/transparency/appeals?period=" + month + "&company=" + w.company()).send();

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
        CalendarPeriod month = endTheMonth();

        Reply byAccept = api.get("/api/v1/transparency/appeals?period=" + month + "&company=" + w.company())
                .header("Accept", "text/csv").send();
        Reply byFormat = api.get("/api/v1/transparency/appeals?format=csv&period=" + month + "&company=" + w.company()).send();

        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(byAccept.contentType()).startsWith("text/csv");
        List<String> lines = byAccept.body().lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("section,company,companyName,ground,category,automatedDetection,automatedDecision,figure,value");
        assertThat(lines).contains("period,,,,,,,k,5", "period,,,,,,,period," + month);
        assertThat(lines).contains("notices," + w.company() + ",Company " + w.company().substring(0, 8)
                + ",ILLEGAL_CONTENT,TERRORIST_CONTENT,true,false,count,<5");
        assertThat(lines).contains("appeals," + w.company() + ",Company " + w.company().substring(0, 8)
                + ",,,,,decidedReversed,<5");
        assertThat(lines).anyMatch(line -> line.startsWith("appeals,ALL,,,,,,filed,"));
        assertThat(byFormat.body()).isEqualTo(byAccept.body());
    }

    /**
     * The old attack: a month minus the same month without its first day was the count of that day. Now only whole
     * calendar periods that are over are answered; anything else is a 400 naming the periods there are.
     */
    @Test
    void periodsAreWholeCalendarPeriodsThatAreOverAndOverlappingDaysCanNoLongerBeSubtracted() {
        recordedNotice();
        CalendarPeriod running = CalendarPeriod.holding(CalendarPeriod.Unit.MONTH, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Reply notOver = api.get("/api/v1/transparency/appeals?period=" + running).send();
        CalendarPeriod month = endTheMonth();

        JsonNode named = api.get("/api/v1/transparency/appeals?company=" + w.company() + "&period=" + month).send().json();
        JsonNode byDays = api.get("/api/v1/transparency/appeals?company=" + w.company() + "&from=" + month.first()
                + "&to=" + month.end()).send().json();
        assertThat(named.get("notices")).hasSize(1);
        assertThat(byDays.get("notices")).isEqualTo(named.get("notices"));
        assertThat(named.get("to").asText()).isEqualTo(month.end().toString());
        assertThat(notOver.status()).isEqualTo(400);

        for (String query : List.of("from=" + month.first().plusDays(1) + "&to=" + month.end(), "from=" + month.first()
                + "&to=" + month.first().plusDays(1), "from=2026-13-01", "from=2026-02-01&to=2026-01-01", "period=2026-Q5",
                "to=tomorrow", "from=" + month.first() + "T00:00:00Z&to=" + month.end() + "T00:00:00Z")) {
            Reply bad = api.get("/api/v1/transparency/appeals?" + query).send();
            assertThat(bad.status()).as(query + " " + bad).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.json().get("errors").get(0).get("message").asText()).contains("2026-Q3");
        }
        assertThat(api.get("/api/v1/transparency/appeals?company=acme&period=" + month).send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/transparency/appeals?exact=perhaps").send().status()).isEqualTo(400);
    }

    /**
     * Every query the API offers for the year (each period that is over, all companies and each company alone, every
     * notice row and appeal count), solved together by an attacker: no count shown as "&lt;5" can be computed.
     */
    @Test
    void noSmallCountCanBeComputedFromEveryReportOfTheYear() {
        for (int i = 0; i < 7; i++) {
            String appeal = filedAppeal().get("id").asText();
            decided(appeal, i == 0 ? "UPHELD" : "REVERSED");
        }
        recorded(NoticeBody.notice(clock.instant()).incitement());
        CalendarPeriod ended = endTheMonth();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        DifferencingAttack attack = new DifferencingAttack();
        Map<CalendarPeriod, JsonNode> byMonth = new java.util.HashMap<>();
        List<JsonNode> reports = new java.util.ArrayList<>();
        for (CalendarPeriod period : CalendarPeriod.allOf(ended.year())) {
            if (!period.hasEnded(today)) {
                continue;
            }
            JsonNode all = api.get("/api/v1/transparency/appeals?period=" + period).send().json();
            reports.add(all);
            if (period.unit() == CalendarPeriod.Unit.MONTH) {
                byMonth.put(period, all);
            }
            for (JsonNode company : all.get("appeals")) {
                reports.add(api.get("/api/v1/transparency/appeals?period=" + period + "&company="
                        + company.get("company").asText()).send().json());
            }
        }
        Map<String, List<String>> parts = new java.util.LinkedHashMap<>();
        parts.put("filed", List.of("FILED"));
        parts.put("decided.total", List.of("UPHELD", "REVERSED", "PARTIALLY_REVERSED"));
        parts.put("decided.upheld", List.of("UPHELD"));
        parts.put("decided.reversed", List.of("REVERSED"));
        parts.put("decided.partiallyReversed", List.of("PARTIALLY_REVERSED"));
        parts.put("decidedInTime", List.of("DECIDED_IN_TIME"));
        parts.put("due", List.of("DUE"));
        parts.put("overdue", List.of("OVERDUE"));
        parts.put("escalated", List.of("ESCALATED"));
        for (JsonNode report : reports) {
            CalendarPeriod period = CalendarPeriod.parse(report.get("period").asText()).orElseThrow();
            for (JsonNode notice : report.get("notices")) {
                Set<Object> cells = new java.util.HashSet<>();
                period.months().forEach(m -> cells.add(List.of(m, notice.get("company").asText(), notice.get("ground").asText(),
                        notice.get("category").asText(), notice.get("automatedDetection").asBoolean(),
                        notice.get("automatedDecision").asBoolean())));
                attack.observe(report.get("period").asText() + notice, cells, notice.get("count").asText());
            }
            List<JsonNode> figures = new java.util.ArrayList<>();
            report.get("appeals").forEach(figures::add);
            figures.add(report.get("total"));
            for (JsonNode figure : figures) {
                String whose = figure.path("company").isNull() || figure.path("company").isMissingNode()
                        ? report.path("company").asText("") : figure.get("company").asText();
                parts.forEach((field, counters) -> {
                    Set<Object> cells = new java.util.HashSet<>();
                    for (CalendarPeriod m : period.months()) {
                        JsonNode monthReport = byMonth.get(m);
                        if (monthReport == null) {
                            continue;
                        }
                        for (JsonNode company : monthReport.get("appeals")) {
                            if (whose.isEmpty() || whose.equals(company.get("company").asText())) {
                                counters.forEach(c -> cells.add(List.of(m, company.get("company").asText(), c)));
                            }
                        }
                    }
                    JsonNode value = figure;
                    for (String step : field.split("\\.")) {
                        value = value.get(step);
                    }
                    attack.observe(period + " " + whose + " " + field, cells, value.asText());
                });
            }
        }

        assertThat(attack.hiddenFigures()).as("the data has small counts to protect").isPositive();
        assertThat(attack.recovered()).isEmpty();
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
                .as("the caller comes from the token").containsExactlyInAnyOrder("claimed", "requestId", "pageSize", "pageToken",
                        "Accept-Language");
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
