package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.ParleyPlatform;
import org.parley.local.Topology;
import tools.jackson.databind.JsonNode;

/**
 * A government request end to end through the gateway, with the real Keycloak and the standards of
 * the running stakeholder-service: Germany's liaison orders a video removed; Streamly's responder
 * sees it due in one hour, asks which video is meant, gets the answer, removes it and responds in
 * time; the public report counts it. An overbroad information request asking for content data
 * without a judge's authorisation is refused with its findings, and nothing is stored; so is every
 * submission while stakeholder-service, which the check needs, is down (503).
 */
@SystemTest
class RequestSystemIT {

    /** Germany's demo authority and Streamly Video, bound to the demo logins of the dev realm. */
    private static final String GERMANY = "01930000-0000-7000-8000-00000000a001";
    private static final String STREAMLY = "01930000-0000-7000-8000-00000000c001";
    private static final String REQUESTS = "/api/v1/requests";

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();

    @Test
    void aRemovalOrderIsAnsweredInTimeThroughAClarificationAndCountedInThePublicReport() {
        String liaison = tokens.of("liaison-de-1@parley.local");
        String responder = tokens.of("responder-streamly-1@parley.local");

        Reply submitted = gateway.post(REQUESTS, liaison, Gateway.json(removalOrder()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        JsonNode order = submitted.json();
        String id = order.path("id").asString();
        String request = REQUESTS + "/" + id;
        assertThat(submitted.header("Location")).endsWith(request);
        assertThat(order.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(order.path("authority").path("id").asString()).isEqualTo(GERMANY);
        assertThat(order.path("rulesVersion").asInt()).isPositive();
        assertThat(order.path("findings").isEmpty()).as(order.toString()).isTrue();

        JsonNode received = gateway.get(request, responder).json();
        Instant receivedAt = Instant.parse(received.path("receivedAt").asString());
        assertThat(Duration.between(receivedAt, Instant.parse(received.path("dueAt").asString())))
                .as("a removal order is due one hour after receipt").isEqualTo(Duration.ofHours(1));
        assertThat(received.path("availableActions").toString()).contains("ACKNOWLEDGE");
        assertThat(ids(gateway.get(REQUESTS + "?state=SUBMITTED&pageSize=500", responder))).contains(id);

        Reply acknowledged = gateway.post(request + "/acknowledgement", responder, "{}");
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);

        Reply asked = gateway.post(request + "/clarifications", responder,
                Gateway.json(Map.of("question", "The URL redirects to a playlist: is only the first video meant?")));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        String clarification = asked.json().path("id").asString();
        JsonNode waiting = gateway.get(request, liaison).json();
        assertThat(waiting.path("state").asString()).isEqualTo("CLARIFICATION_REQUESTED");
        assertThat(waiting.path("clock").path("running").asBoolean()).as("the clock stops").isFalse();
        assertThat(waiting.path("clock").path("remainingSeconds").asLong()).isBetween(3_000L, 3_600L);

        Reply answered = gateway.post(request + "/clarifications/" + clarification + "/answer", liaison,
                Gateway.json(Map.of("answer", "Only the first video; the playlist itself stays.")));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().path("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(answered.json().path("clock").path("running").asBoolean()).as("and restarts").isTrue();

        Reply responded = gateway.post(request + "/response", responder, Gateway.json(Map.of(
                "outcome", "FULFILLED", "reasonCodes", List.of(), "explanation", "The first video was removed for all users.",
                "actionTakenAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())));
        assertThat(responded.status()).as(responded.toString()).isEqualTo(200);
        JsonNode done = responded.json();
        assertThat(done.path("state").asString()).isEqualTo("FULFILLED");
        assertThat(done.path("response").path("answeredInTime").asBoolean()).isTrue();
        assertThat(done.path("overdue").asBoolean()).isFalse();

        JsonNode history = gateway.get(request + "/history", liaison).json();
        List<String> actions = new ArrayList<>();
        history.forEach(entry -> actions.add(entry.path("action").asString()));
        assertThat(actions).containsSubsequence("REQUEST_SUBMITTED", "REQUEST_ACKNOWLEDGED", "CLARIFICATION_REQUESTED",
                "CLARIFICATION_ANSWERED", "REQUEST_ANSWERED");

        // public figures come only for whole calendar periods that are over: this order's month is published once
        // it ends; until then it is refused, and so is any pair of days that is not exactly a whole period
        YearMonth month = YearMonth.from(LocalDate.ofInstant(receivedAt, ZoneOffset.UTC));
        Reply running = gateway.get("/api/v1/transparency/requests?period=" + month);
        assertThat(running.status()).as(running.toString()).isEqualTo(400);
        LocalDate from = LocalDate.ofInstant(receivedAt, ZoneOffset.UTC).minusDays(1);
        Reply days = gateway.get("/api/v1/transparency/requests?from=" + from + "&to=" + from.plusDays(2));
        assertThat(days.status()).as("two overlapping periods of days would give one day's count away").isEqualTo(400);
        assertThat(days.json().path("errors").get(0).path("message").asString()).contains("2026-Q3");

        YearMonth ended = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        long fulfilled = fulfilledRemovalOrdersFromGermanyToStreamly(ended.atDay(1), ended.atEndOfMonth());
        Reply report = gateway.get("/api/v1/transparency/requests?period=" + ended);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        int k = report.json().path("k").asInt();
        JsonNode row = row(report.json(), "DE", "REMOVAL_ORDER", "FULFILLED", STREAMLY);
        if (fulfilled > 0) {
            assertThat(row).as("the public report has the cell: " + report.body()).isNotNull();
            assertThat(row.path("count").asString()).as("every fulfilled order counted, small counts as <k or withheld")
                    .isIn(fulfilled < k ? "<" + k : Long.toString(fulfilled), "withheld");
        }

        Reply csv = gateway.send(gateway.request("/api/v1/transparency/requests?period=" + ended, null)
                .setHeader("Accept", "text/csv").GET());
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("period,from,to,k,");
    }

    @Test
    void anOverbroadInformationRequestWithoutJudicialAuthorisationForContentIsRefusedWithItsFindings() {
        String liaison = tokens.of("liaison-de-2@parley.local");
        int before = all(REQUESTS + "?type=INFORMATION", liaison).size();
        List<Map<String, String>> subjects = new ArrayList<>();
        subjects.add(Map.of("kind", "URL", "value", "https://streamly.example"));
        for (int i = 0; i < 12; i++) {
            subjects.add(Map.of("kind", "ACCOUNT", "value", "user-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        Map<String, Object> request = removalOrder();
        request.put("type", "INFORMATION");
        request.put("legalBasis", Map.of("instrument", "Regulation (EU) 2022/2065", "provision", "Art. 10", "jurisdiction", "DE"));
        request.put("subjects", subjects);
        request.put("dataCategories", List.of("SUBSCRIBER", "TRAFFIC", "CONTENT"));
        request.put("period", Map.of("from", "2023-01-01", "to", "2025-12-31"));

        Reply refused = gateway.post(REQUESTS, liaison, Gateway.json(request));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        List<String> findings = new ArrayList<>();
        refused.json().path("findings").forEach(f -> findings.add(f.path("rule").asString() + ":" + f.path("severity").asString()));
        assertThat(findings).contains("JUDICIAL_AUTHORISATION:BLOCKER", "BOUNDED_PERIOD:BLOCKER", "SUBJECTS_EXACT:BLOCKER",
                "OVERBREADTH:WARNING");
        assertThat(all(REQUESTS + "?type=INFORMATION", liaison)).as("nothing was stored").hasSize(before);

        Reply assessed = gateway.post(REQUESTS + "/assessment", liaison, Gateway.json(request));
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
        assertThat(assessed.json().path("acceptable").asBoolean()).isFalse();
    }

    @Test
    void anotherAuthorityAndAnotherCompanyLearnNothingOfTheOrder() {
        Reply submitted = gateway.post(REQUESTS, tokens.of("liaison-de-1@parley.local"), Gateway.json(removalOrder()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String request = REQUESTS + "/" + submitted.json().path("id").asString();

        assertThat(gateway.get(request, tokens.of("liaison-fr@parley.local")).status()).isEqualTo(404);
        assertThat(gateway.get(request, tokens.of("responder-chirp@parley.local")).status()).isEqualTo(404);
        assertThat(gateway.get(request, tokens.of("appellant-1@parley.local")).status()).isEqualTo(404);
        assertThat(gateway.get(request).status()).isEqualTo(401);
        assertThat(gateway.get(request, tokens.of("reviewer@parley.local")).status()).isEqualTo(200);
        assertThat(gateway.get(request, tokens.of("liaison-de-2@parley.local")).status()).as("a colleague of the same authority").isEqualTo(200);
        assertThat(gateway.post(request + "/acknowledgement", tokens.of("liaison-de-2@parley.local"), "{}").status())
                .as("a liaison does not act for the company").isEqualTo(403);
    }

    @Test
    void whileStakeholderServiceIsDownASubmissionAnswers503AndStoresNothing() {
        String liaison = tokens.of("liaison-de-2@parley.local");
        int before = all(REQUESTS, liaison).size();
        ParleyPlatform platform = RunningPlatform.platform();
        platform.stop(Topology.STAKEHOLDER_SERVICE);
        try {
            Reply refused = gateway.post(REQUESTS, liaison, Gateway.json(removalOrder()));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("io.grpc");
        } finally {
            platform.start(Topology.STAKEHOLDER_SERVICE);
        }
        assertThat(all(REQUESTS, liaison)).as("nothing was stored").hasSize(before);

        // the breaker closes again once stakeholder-service answers: leave the platform as it was found
        Reply assessed = awaitStatus(() -> gateway.post(REQUESTS + "/assessment", liaison, Gateway.json(removalOrder())),
                200, Duration.ofSeconds(40));
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Polls (a circuit breaker stays open for a few seconds after its downstream is back). */
    private static Reply awaitStatus(java.util.function.Supplier<Reply> call, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply last;
        do {
            last = call.get();
            if (last.status() == status) {
                return last;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static Map<String, Object> removalOrder() {
        return Orders.removalOrder();
    }

    /** Counted from the records themselves, as an admin sees them: what the public report must show. */
    private long fulfilledRemovalOrdersFromGermanyToStreamly(LocalDate from, LocalDate to) {
        return all(REQUESTS + "?state=FULFILLED&type=REMOVAL_ORDER", tokens.of("admin@parley.local")).stream()
                .filter(r -> STREAMLY.equals(r.path("targetCompany").path("id").asString()))
                .filter(r -> "DE".equals(r.path("authority").path("country").asString()))
                .map(r -> LocalDate.ofInstant(Instant.parse(r.path("receivedAt").asString()), ZoneOffset.UTC))
                .filter(day -> !day.isBefore(from) && !day.isAfter(to))
                .count();
    }

    /** Every item of a listing, page by page. */
    private List<JsonNode> all(String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        String pageToken = null;
        do {
            Reply page = gateway.get(path + (path.contains("?") ? "&" : "?") + "pageSize=500"
                    + (pageToken == null ? "" : "&pageToken=" + pageToken), token);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("items").forEach(items::add);
            JsonNode next = page.json().path("nextPageToken");
            pageToken = next.isString() && !next.asString().isEmpty() ? next.asString() : null;
        } while (pageToken != null);
        return items;
    }

    private static List<String> ids(Reply page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static JsonNode row(JsonNode report, String country, String type, String outcome, String company) {
        for (JsonNode row : report.path("rows")) {
            if (country.equals(row.path("country").asString()) && type.equals(row.path("type").asString())
                    && outcome.equals(row.path("outcome").asString()) && company.equals(row.path("companyId").asString())) {
                return row;
            }
        }
        return null;
    }
}
