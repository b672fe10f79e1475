package org.parley.request.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.deadline.OverdueSweep;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import org.parley.request.transparency.domain.AnswerTimeHistogram;
import org.parley.request.transparency.jdbc.JdbcRollupStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TransparencyIT extends RequestServiceIT {

    @Autowired
    OverdueSweep sweep;

    @Test
    void thePublicReportCountsAnsweredRequestsAndShowsSmallCountsOnlyAsLessThanK() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(submit(de.liaison(), Bodies.removalOrder(video.id())));
            post("/api/v1/requests/" + ids.getLast() + "/acknowledgement", null, video.responder());
        }
        CLOCK.advance(Duration.ofMinutes(30));
        for (String id : ids.subList(0, 5)) {
            post("/api/v1/requests/" + id + "/response", Bodies.fulfilled(now().toString()), video.responder());
        }
        post("/api/v1/requests/" + ids.get(5) + "/withdrawal", null, de.liaison());
        String today = LocalDate.ofInstant(now(), ZoneOffset.UTC).toString();

        Reply report = api.get("/api/v1/transparency/requests?from=" + today + "&to=" + today).send();

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode json = report.json();
        assertThat(json.get("k").asInt()).isEqualTo(5);
        List<JsonNode> rows = rowsOf(json, video.id().toString());
        assertThat(rows).extracting(r -> r.get("outcome").asString() + "=" + r.get("count").asString())
                .containsExactly("FULFILLED=5", "WITHDRAWN=<5");
        JsonNode fulfilled = rows.getFirst();
        assertThat(fulfilled.get("country").asString()).isEqualTo("DE");
        assertThat(fulfilled.get("type").asString()).isEqualTo("REMOVAL_ORDER");
        assertThat(fulfilled.get("company").asString()).isEqualTo(video.name());
        assertThat(fulfilled.get("medianHoursToAnswer").asDouble()).isBetween(0.5, 0.59);
        assertThat(fulfilled.get("p90HoursToAnswer").asDouble()).isBetween(0.5, 0.59);
        assertThat(rows.get(1).has("medianHoursToAnswer")).isFalse();

        JsonNode record = authority(json, de.id().toString());
        assertThat(record.get("requests").asString()).isEqualTo("6");
        assertThat(record.get("refused").asString()).isEqualTo("0");
        assertThat(record.get("shareRefused").asDouble()).isZero();
        assertThat(record.get("withdrawn").asString()).isEqualTo("<5");
        assertThat(record.has("shareWithdrawn")).isFalse();
    }

    @Test
    void theReportComesAsCsvToo() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        for (int i = 0; i < 5; i++) {
            submit(de.liaison(), Bodies.removalOrder(video.id()));
        }
        String today = LocalDate.ofInstant(now(), ZoneOffset.UTC).toString();

        Reply csv = api.get("/api/v1/transparency/requests?from=" + today + "&to=" + today).header("Accept", "text/csv").send();
        Reply authorities = api.get("/api/v1/transparency/requests?table=authorities&format=csv&from=" + today + "&to=" + today).send();

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("from,to,k,country,type,outcome,companyId,company,count,overdue,medianHoursToAnswer,p90HoursToAnswer");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .isEqualTo(today + "," + today + ",5,DE,REMOVAL_ORDER,PENDING," + video.id() + "," + video.name() + ",5,0,,"));
        assertThat(authorities.body().split("\r\n")[0]).startsWith("from,to,k,authorityId,authority,country,requests,refused");
        assertThat(authorities.body()).contains(de.id() + ",");
    }

    @Test
    void badParametersAre4xxProblems() {
        Reply unknownDimension = api.get("/api/v1/transparency/requests?groupBy=country,user").send();
        Reply notADate = api.get("/api/v1/transparency/requests?from=yesterday").send();
        Reply backwards = api.get("/api/v1/transparency/requests?from=2026-03-10&to=2026-03-01").send();
        Reply csvError = api.get("/api/v1/transparency/requests?groupBy=user").header("Accept", "text/csv").send();

        assertThat(unknownDimension.status()).isEqualTo(422);
        assertThat(unknownDimension.json().get("errors").get(0).get("field").asString()).isEqualTo("groupBy");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(csvError.status()).isEqualTo(422);
        assertThat(csvError.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theRollupAgreesWithARecomputationFromTheStoredRequests() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String late = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String answered = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + answered + "/acknowledgement", null, video.responder());
        CLOCK.advance(Duration.ofMinutes(12));
        post("/api/v1/requests/" + answered + "/response", Map.of("outcome", "REJECTED", "reasonCodes", List.of("OVERBROAD"),
                "explanation", "Too broad."), video.responder());
        CLOCK.advance(Duration.ofHours(2));
        sweep.sweep();
        assertThat(get(late, de.liaison()).json().get("overdue").asBoolean()).isTrue();

        for (String grain : List.of("D", "M", "Y")) {
            Set<String> rollup = new HashSet<>(jdbc.sql("""
                    select authority_id || '|' || company_id || '|' || type || '|' || outcome || '|' || sum(requests)
                        || '|' || sum(overdue) || '|' || sum(answered) || '|' || sum(answered_in_time)
                    from request_rollup where grain = :grain
                    group by authority_id, company_id, type, outcome
                    having sum(requests) <> 0 or sum(overdue) <> 0 or sum(answered) <> 0
                    """).param("grain", grain).query(String.class).list());
            Set<String> recomputed = new HashSet<>(jdbc.sql("""
                    select authority_id || '|' || target_company_id || '|' || type || '|'
                        || case when state in ('SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED') then 'PENDING' else state end
                        || '|' || count(*) || '|' || count(overdue_at) || '|' || count(answered_at)
                        || '|' || count(*) filter (where answered_in_time)
                    from government_request where received_at is not null
                    group by authority_id, target_company_id, type,
                        case when state in ('SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED') then 'PENDING' else state end
                    """).query(String.class).list());
            assertThat(rollup).as("grain " + grain).isEqualTo(recomputed);
        }
        long[] histogram = new long[AnswerTimeHistogram.BUCKETS];
        jdbc.sql("select answer_ms from government_request where answer_ms is not null").query(Long.class).list()
                .forEach(ms -> histogram[AnswerTimeHistogram.bucketOf(Duration.ofMillis(ms))]++);
        for (String grain : List.of("D", "M", "Y")) {
            long[] rolled = new long[AnswerTimeHistogram.BUCKETS];
            jdbc.sql("select answer_hist from request_rollup where grain = :grain").param("grain", grain)
                    .query((rs, row) -> rs.getBytes(1)).list()
                    .forEach(stored -> JdbcRollupStore.addInto(rolled, stored));
            assertThat(rolled).as(grain + " " + Arrays.toString(histogram)).isEqualTo(histogram);
        }
    }

    @Test
    void aReportForAnyPeriodCountsExactlyTheRequestsReceivedInIt() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        for (int i = 0; i < 6; i++) {
            submit(de.liaison(), Bodies.removalOrder(video.id()));
            CLOCK.advance(Duration.ofDays(3));
        }
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        List<LocalDate[]> periods = List.of(
                new LocalDate[] {today.minusDays(4), today},
                new LocalDate[] {today.minusDays(11), today.minusDays(2)},
                new LocalDate[] {today.withDayOfMonth(1), today},
                new LocalDate[] {today.withDayOfYear(1).plusDays(9), today.withDayOfYear(1).plusMonths(10).plusDays(19)},
                new LocalDate[] {today.minusMonths(11), today},
                new LocalDate[] {today.minusYears(2).withDayOfYear(40), today.plusYears(1).withDayOfYear(3)});
        for (LocalDate[] period : periods) {
            long received = jdbc.sql("""
                    select count(*) from government_request
                    where received_at >= cast(:from as date) and received_at < cast(:until as date)
                    """).param("from", period[0]).param("until", period[1].plusDays(1)).query(Long.class).single();
            JsonNode report = api.get("/api/v1/transparency/requests?from=" + period[0] + "&to=" + period[1]).send().json();

            assertThat(report.get("totals").get("requests").asString()).as(period[0] + ".." + period[1])
                    .isEqualTo(org.parley.common.transparency.SmallCounts.published(5).show(received));
        }
    }

    private static List<JsonNode> rowsOf(JsonNode report, String companyId) {
        List<JsonNode> rows = new ArrayList<>();
        report.get("rows").forEach(row -> {
            if (companyId.equals(row.path("companyId").asString())) {
                rows.add(row);
            }
        });
        return rows;
    }

    private static JsonNode authority(JsonNode report, String authorityId) {
        for (JsonNode record : report.get("authorities")) {
            if (authorityId.equals(record.get("authorityId").asString())) {
                return record;
            }
        }
        throw new AssertionError("no record of authority " + authorityId + " in " + report.get("authorities"));
    }
}
