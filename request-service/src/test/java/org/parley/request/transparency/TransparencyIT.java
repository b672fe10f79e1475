package org.parley.request.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.DifferencingAttack;
import org.parley.common.transparency.CalendarPeriod;
import org.parley.common.transparency.SmallCounts;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.deadline.OverdueSweep;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import org.parley.request.transparency.domain.AnswerTimeHistogram;
import org.parley.request.transparency.jdbc.JdbcRollupStore;
import org.parley.request.transparency.jdbc.RollupFolding;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TransparencyIT extends RequestServiceIT {

    @Autowired
    OverdueSweep sweep;

    @Autowired
    RollupFolding folding;

    /** Moves the clock to the first day of the next month, so that the current one is over and published. */
    private static CalendarPeriod endTheMonth() {
        CalendarPeriod month = CalendarPeriod.holding(CalendarPeriod.Unit.MONTH, LocalDate.ofInstant(now(), ZoneOffset.UTC));
        CLOCK.set(month.end().atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9)));
        return month;
    }

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
        CalendarPeriod month = endTheMonth();

        Reply report = api.get("/api/v1/transparency/requests?period=" + month).send();

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode json = report.json();
        assertThat(json.get("k").asInt()).isEqualTo(5);
        assertThat(json.get("period").asString()).isEqualTo(month.toString());
        assertThat(json.get("from").asString()).isEqualTo(month.first().toString());
        List<JsonNode> rows = rowsOf(json, video.id().toString());
        assertThat(rows).extracting(r -> r.get("outcome").asString()).containsExactly("FULFILLED", "WITHDRAWN");
        assertThat(rows.get(1).get("count").asString()).isEqualTo("<5");
        assertThat(rows.get(1).has("medianHoursToAnswer")).isFalse();
        JsonNode fulfilled = rows.getFirst();
        assertThat(fulfilled.get("country").asString()).isEqualTo("DE");
        assertThat(fulfilled.get("company").asString()).isEqualTo(video.name());
        if (fulfilled.get("count").asString().equals("5")) {
            assertThat(fulfilled.get("medianHoursToAnswer").asDouble()).isBetween(0.5, 0.59);
        }

        JsonNode record = authority(json, de.id().toString());
        assertThat(record.get("withdrawn").asString()).isEqualTo("<5");
        assertThat(record.has("shareWithdrawn")).isFalse();
        assertThat(List.of(record.get("requests").asString(), fulfilled.get("count").asString()))
                .as("6 requests, 5 of them fulfilled, would tell that 1 was withdrawn").contains(SmallCounts.WITHHELD);
    }

    /** A year's figures are decided once and kept; a count of a month that is over still changes, and shows at once. */
    @Test
    void aChangeToACountOfAMonthThatIsOverShowsInTheNextReport() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(submit(de.liaison(), Bodies.removalOrder(video.id())));
        }
        CalendarPeriod month = endTheMonth();
        String report = "/api/v1/transparency/requests?period=" + month;
        assertThat(rowsOf(api.get(report).send().json(), video.id().toString()))
                .extracting(r -> r.get("outcome").asString()).containsExactly("PENDING");
        assertThat(rowsOf(api.get(report).send().json(), video.id().toString())).as("asked again, kept")
                .extracting(r -> r.get("outcome").asString()).containsExactly("PENDING");

        for (String id : ids) {
            post("/api/v1/requests/" + id + "/withdrawal", null, de.liaison());
        }

        assertThat(rowsOf(api.get(report).send().json(), video.id().toString()))
                .extracting(r -> r.get("outcome").asString()).containsExactly("WITHDRAWN");
    }

    /**
     * The old attack: a month minus the same month without its first day is the count of that day. Now only whole
     * calendar periods are answered, and a period once it is over.
     */
    @Test
    void overlappingPeriodsOfDaysCanNoLongerBeSubtracted() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        submit(de.liaison(), Bodies.removalOrder(video.id()));
        CalendarPeriod month = CalendarPeriod.holding(CalendarPeriod.Unit.MONTH, LocalDate.ofInstant(now(), ZoneOffset.UTC));

        Reply notOver = api.get("/api/v1/transparency/requests?period=" + month).send();
        CalendarPeriod ended = endTheMonth();
        Reply whole = api.get("/api/v1/transparency/requests?from=" + ended.first() + "&to=" + ended.last()).send();
        Reply named = api.get("/api/v1/transparency/requests?period=" + ended).send();
        Reply withoutItsFirstDay = api.get("/api/v1/transparency/requests?from=" + ended.first().plusDays(1) + "&to="
                + ended.last()).send();
        Reply oneDay = api.get("/api/v1/transparency/requests?from=" + ended.first() + "&to=" + ended.first()).send();
        Reply notAPeriod = api.get("/api/v1/transparency/requests?period=2026-03-01").send();

        assertThat(notOver.status()).as("a month still running changes every day").isEqualTo(400);
        assertThat(notOver.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.json().get("totals")).isEqualTo(named.json().get("totals"));
        for (Reply refused : List.of(withoutItsFirstDay, oneDay, notAPeriod)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("2026-Q3", "2026-H1");
        }
    }

    /**
     * Every query the API offers over the year (each period that is over × each breakdown, rows, totals and
     * authority records), solved together by an attacker: no count shown as "&lt;5" can be computed.
     */
    @Test
    void noSmallCountCanBeComputedFromEveryReportOfTheYear() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE");
        World.Company chirp = World.company("FR");
        int[][] plan = {{7, 1}, {2, 6}, {0, 5}, {1, 0}};
        World.Authority[] authorities = {de, fr, de, fr};
        World.Company[] companies = {video, video, chirp, chirp};
        for (int i = 0; i < plan.length; i++) {
            for (int n = 0; n < plan[i][0]; n++) {
                submit(authorities[i].liaison(), Bodies.removalOrder(companies[i].id()));
            }
            for (int n = 0; n < plan[i][1]; n++) {
                String id = submit(authorities[i].liaison(), Bodies.removalOrder(companies[i].id()));
                post("/api/v1/requests/" + id + "/withdrawal", null, authorities[i].liaison());
            }
        }
        endTheMonth();
        int year = LocalDate.ofInstant(now(), ZoneOffset.UTC).getYear();
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);

        DifferencingAttack attack = new DifferencingAttack();
        Map<CalendarPeriod, JsonNode> finest = new HashMap<>();
        List<Object[]> seen = new ArrayList<>();
        for (CalendarPeriod period : CalendarPeriod.allOf(year)) {
            if (!period.hasEnded(today)) {
                continue;
            }
            for (int mask = 1; mask < 16; mask++) {
                List<String> groupBy = new ArrayList<>();
                List<String> dimensions = List.of("country", "type", "outcome", "company");
                for (int d = 0; d < dimensions.size(); d++) {
                    if ((mask & (1 << d)) != 0) {
                        groupBy.add(dimensions.get(d));
                    }
                }
                Reply reply = api.get("/api/v1/transparency/requests?period=" + period + "&groupBy="
                        + String.join(",", groupBy)).send();
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                seen.add(new Object[] {period, reply.json()});
                if (mask == 15 && period.unit() == CalendarPeriod.Unit.MONTH) {
                    finest.put(period, reply.json());
                }
            }
        }
        // the cells: for each month, every row of the finest breakdown (a row not shown is 0) × the authorities of
        // its country that month
        Map<CalendarPeriod, List<List<Object>>> cellsOfMonth = new HashMap<>();
        finest.forEach((month, report) -> {
            List<List<Object>> cells = new ArrayList<>();
            for (JsonNode row : report.get("rows")) {
                for (JsonNode record : report.get("authorities")) {
                    if (record.path("country").asString("").equals(row.path("country").asString(""))) {
                        cells.add(List.of(month, record.get("authorityId").asString(), row.get("companyId").asString(),
                                row.get("type").asString(), row.get("outcome").asString()));
                    }
                }
            }
            cellsOfMonth.put(month, cells);
        });
        for (Object[] entry : seen) {
            CalendarPeriod period = (CalendarPeriod) entry[0];
            JsonNode report = (JsonNode) entry[1];
            List<List<Object>> cells = new ArrayList<>();
            period.months().forEach(m -> cells.addAll(cellsOfMonth.getOrDefault(m, List.of())));
            for (JsonNode row : report.get("rows")) {
                Set<List<Object>> mine = new HashSet<>();
                Set<List<Object>> late = new HashSet<>();
                for (List<Object> cell : cells) {
                    String country = countryOf(finest, (String) cell.get(1));
                    if (matches(row, "country", country) && matches(row, "companyId", (String) cell.get(2))
                            && matches(row, "type", (String) cell.get(3)) && matches(row, "outcome", (String) cell.get(4))) {
                        mine.add(cell);
                        late.add(List.of("overdue", cell));
                    }
                }
                attack.observe(period + " " + row, mine, row.get("count").asString());
                attack.observe(period + " overdue " + row, late, row.get("overdue").asString());
            }
            attack.observe(period + " total", new HashSet<>(cells), report.get("totals").get("requests").asString());
            for (JsonNode record : report.get("authorities")) {
                String id = record.get("authorityId").asString();
                Map<String, String> parts = Map.of("requests", "", "refused", "REJECTED", "challenged", "CHALLENGED",
                        "withdrawn", "WITHDRAWN");
                parts.forEach((field, outcome) -> {
                    Set<List<Object>> mine = new HashSet<>();
                    cells.stream().filter(c -> c.get(1).equals(id) && (outcome.isEmpty() || c.get(4).equals(outcome)))
                            .forEach(mine::add);
                    attack.observe(period + " " + id + " " + field, mine, record.get(field).asString());
                });
            }
        }

        assertThat(attack.hiddenFigures()).as("the data has small counts to protect").isPositive();
        assertThat(attack.recovered()).isEmpty();
    }

    private static boolean matches(JsonNode row, String field, String value) {
        return !row.hasNonNull(field) || row.get(field).asString().equals(value);
    }

    private static String countryOf(Map<CalendarPeriod, JsonNode> finest, String authorityId) {
        for (JsonNode report : finest.values()) {
            for (JsonNode record : report.get("authorities")) {
                if (record.get("authorityId").asString().equals(authorityId)) {
                    return record.path("country").asString("");
                }
            }
        }
        return "";
    }

    @Test
    void theReportComesAsCsvToo() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        for (int i = 0; i < 5; i++) {
            submit(de.liaison(), Bodies.removalOrder(video.id()));
        }
        CalendarPeriod month = endTheMonth();

        Reply csv = api.get("/api/v1/transparency/requests?period=" + month).header("Accept", "text/csv").send();
        Reply authorities = api.get("/api/v1/transparency/requests?table=authorities&format=csv&period=" + month).send();

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(month + ".csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("period,from,to,k,country,type,outcome,companyId,company,count,overdue,medianHoursToAnswer,p90HoursToAnswer");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(month + "," + month.first() + "," + month.last()
                + ",5,DE,REMOVAL_ORDER,PENDING," + video.id() + "," + video.name() + ","));
        assertThat(authorities.body().split("\r\n")[0]).startsWith("period,from,to,k,authorityId,authority,country,requests,refused");
        assertThat(authorities.body()).contains(de.id() + ",");
    }

    @Test
    void badParametersAre4xxProblems() {
        Reply unknownDimension = api.get("/api/v1/transparency/requests?groupBy=country,user&period=2025").send();
        Reply notADate = api.get("/api/v1/transparency/requests?from=yesterday").send();
        Reply backwards = api.get("/api/v1/transparency/requests?from=2026-03-10&to=2026-03-01").send();
        Reply csvError = api.get("/api/v1/transparency/requests?groupBy=user&period=2025").header("Accept", "text/csv").send();

        assertThat(unknownDimension.status()).isEqualTo(422);
        assertThat(unknownDimension.json().get("errors").get(0).get("field").asString()).isEqualTo("groupBy");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(backwards.status()).isEqualTo(400);
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

        assertTheRollupAgreesWithTheStoredRequests();
    }

    @Test
    void aReportOfAWholePeriodCountsExactlyTheRequestsReceivedInIt() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        for (int i = 0; i < 6; i++) {
            submit(de.liaison(), Bodies.removalOrder(video.id()));
            CLOCK.advance(Duration.ofDays(3));
        }
        endTheMonth();
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        for (CalendarPeriod period : CalendarPeriod.allOf(today.getYear())) {
            if (!period.hasEnded(today)) {
                continue;
            }
            long received = jdbc.sql("""
                    select count(*) from government_request
                    where received_at >= cast(:from as date) and received_at < cast(:until as date)
                    """).param("from", period.first()).param("until", period.end()).query(Long.class).single();
            String shown = api.get("/api/v1/transparency/requests?period=" + period).send().json()
                    .get("totals").get("requests").asString();

            assertThat(shown).as(period.toString()).isIn(SmallCounts.published(5).show(received), SmallCounts.WITHHELD);
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

    @Test
    void theStripesOfEndedPeriodsFoldIntoOneRowPerCellAndNoFigureChanges() throws Exception {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        for (int i = 0; i < 4; i++) {
            String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
            post("/api/v1/requests/" + id + "/acknowledgement", null, video.responder());
            CLOCK.advance(Duration.ofMinutes(7 * (i + 1)));
            post("/api/v1/requests/" + id + "/response", Bodies.fulfilled(now().toString()), video.responder());
        }
        submit(de.liaison(), Bodies.removalOrder(video.id()));
        // concurrent submissions count into stripes of their own: split every cell over two stripes, as they would
        spreadOverTwoStripes();
        assertThat(jdbc.sql("select count(*) from request_rollup where stripe <> 0").query(Long.class).single()).isPositive();
        CalendarPeriod year = CalendarPeriod.holding(CalendarPeriod.Unit.YEAR, LocalDate.ofInstant(now(), ZoneOffset.UTC));
        CLOCK.set(year.end().atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9)));
        String before = api.get("/api/v1/transparency/requests?period=" + year).send().body();

        // two instances fold at once: each cell is folded once, and nothing is lost or counted twice
        var folders = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = folders.submit(folding::fold);
        var second = folders.submit(folding::fold);
        int folded = first.get() + second.get();
        folders.shutdown();

        assertThat(folded).isPositive();
        assertThat(jdbc.sql("select count(*) from request_rollup where stripe <> 0").query(Long.class).single())
                .as("rows left outside stripe 0").isZero();
        assertTheRollupAgreesWithTheStoredRequests();
        assertThat(api.get("/api/v1/transparency/requests?period=" + year).send().body()).isEqualTo(before);
        assertThat(folding.fold()).as("nothing is left to fold").isZero();
    }

    /** Moves half of every rollup row's counts, histogram included, into a second row of the same cell. */
    private void spreadOverTwoStripes() {
        List<Map<String, Object>> rows = jdbc.sql("select * from request_rollup").query().listOfRows();
        // each half goes to a stripe its cell does not use yet (submissions on other connections may have)
        Map<String, Set<Integer>> used = new HashMap<>();
        for (Map<String, Object> row : rows) {
            used.computeIfAbsent(cell(row), c -> new HashSet<>()).add(((Number) row.get("stripe")).intValue());
        }
        for (Map<String, Object> row : rows) {
            Set<Integer> taken = used.get(cell(row));
            int other = java.util.stream.IntStream.range(0, 16).filter(candidate -> !taken.contains(candidate))
                    .findFirst().orElseThrow();
            taken.add(other);
            long[] histogram = new long[AnswerTimeHistogram.BUCKETS];
            JdbcRollupStore.addInto(histogram, (byte[]) row.get("answer_hist"));
            long[] half = new long[histogram.length];
            for (int i = 0; i < histogram.length; i++) {
                half[i] = histogram[i] / 2;
                histogram[i] -= half[i];
            }
            String key = " where grain = :grain and period_start = :start and authority_id = :authority"
                    + " and company_id = :company and type = :type and outcome = :outcome and stripe = :stripe";
            jdbc.sql("update request_rollup set requests = requests - :r, overdue = overdue - :o, answered = answered - :a,"
                    + " answered_in_time = answered_in_time - :t, answer_hist = :hist" + key)
                    .params(row).param("r", half(row, "requests")).param("o", half(row, "overdue"))
                    .param("a", half(row, "answered")).param("t", half(row, "answered_in_time"))
                    .param("hist", stored(histogram)).param("start", row.get("period_start"))
                    .param("authority", row.get("authority_id")).param("company", row.get("company_id")).update();
            jdbc.sql("""
                    insert into request_rollup (grain, period_start, authority_id, company_id, type, outcome, stripe,
                        authority_country, requests, overdue, answered, answered_in_time, answer_hist)
                    values (:grain, :start, :authority, :company, :type, :outcome, :other, :country, :r, :o, :a, :t, :hist)
                    """).param("grain", row.get("grain")).param("start", row.get("period_start"))
                    .param("authority", row.get("authority_id")).param("company", row.get("company_id"))
                    .param("type", row.get("type")).param("outcome", row.get("outcome")).param("other", other)
                    .param("country", row.get("authority_country")).param("r", half(row, "requests"))
                    .param("o", half(row, "overdue")).param("a", half(row, "answered"))
                    .param("t", half(row, "answered_in_time")).param("hist", stored(half)).update();
        }
    }

    private static String cell(Map<String, Object> row) {
        return row.get("grain") + "|" + row.get("period_start") + "|" + row.get("authority_id") + "|" + row.get("company_id")
                + "|" + row.get("type") + "|" + row.get("outcome");
    }

    private static long half(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue() / 2;
    }

    private static byte[] stored(long[] histogram) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(histogram.length * 4);
        for (long count : histogram) {
            bytes.putInt(Math.toIntExact(count));
        }
        return bytes.array();
    }

    private void assertTheRollupAgreesWithTheStoredRequests() {
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
}
