package org.parley.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Notices;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * One of everything the API's paths name, owned by the tenants of the authorization table's columns:
 * request R of Germany's authority to Streamly with a clarification, notice N of Streamly claimed by
 * appellant-1 and their appeal A, decided by Streamly and escalated, a sphere, a member, a commitment with a report and an assessment,
 * a working group. {@link #resolve} turns a path of the table into one of these resources.
 */
final class ApiFixtures {

    static final String STREAMLY = Orders.STREAMLY;
    static final String CHRISTCHURCH_CALL = "01930000-0000-7000-8000-000000f00001";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** The demo login each column of the table stands for; {@code anon} has none. */
    static final Map<String, String> LOGINS = Map.of(
            "liaison", "liaison-de-1@parley.local", "liaison2", "liaison-de-2@parley.local", "liaisonX", "liaison-fr@parley.local",
            "resp", "responder-streamly-1@parley.local", "respX", "responder-chirp@parley.local",
            "app", "appellant-1@parley.local", "appX", "appellant-2@parley.local", "reviewer", "reviewer@parley.local", "admin", "admin@parley.local");

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();
    private final Map<String, String> ids = new LinkedHashMap<>();

    private ApiFixtures() {
    }

    static ApiFixtures create() {
        ApiFixtures f = new ApiFixtures();
        f.build();
        return f;
    }

    private void build() {
        String liaison = tokens.of("liaison-de-1@parley.local");
        String responder = tokens.of("responder-streamly-1@parley.local");

        // Streamly's endpoint first, so that request R is delivered to it (to a port where nothing listens)
        ids.put("wid", newWebhook());
        ids.put("request", ok(gateway.post("/api/v1/requests", liaison, Gateway.json(Orders.removalOrder())))
                .json().path("id").asString());
        ids.put("did", firstDelivery(ids.get("wid"), responder));
        ok(gateway.post("/api/v1/requests/" + ids.get("request") + "/acknowledgement", responder, "{}"));
        ids.put("clarificationId", ok(gateway.post("/api/v1/requests/" + ids.get("request") + "/clarifications", responder,
                Gateway.json(Map.of("question", "Is only the first video of the playlist meant?")))).json().path("id").asString());

        String video = "https://video.example.com/v/" + UUID.randomUUID();
        JsonNode notice = ok(gateway.post("/api/v1/notices", responder, Gateway.json(Notices.statementOfReasons(video, null)))).json();
        ids.put("notice", notice.path("id").asString());
        ok(gateway.post("/api/v1/notices/claims", tokens.of("appellant-1@parley.local"), Gateway.json(Map.of(
                "reference", notice.path("reference").asString(), "accessCode", notice.path("accessCode").asString()))));
        ids.put("appeal", ok(gateway.post("/api/v1/appeals", tokens.of("appellant-1@parley.local"), Gateway.json(Map.of(
                "noticeId", ids.get("notice"), "statement", "The video reports on the call; it makes none.", "language", "en"))))
                .json().path("id").asString());
        escalate(ids.get("appeal"));

        ids.put("sphereId", newSphere());
        ids.put("accountId", newMember());
        ids.put("commitment", ok(gateway.post("/api/v1/stakeholders/" + STREAMLY + "/commitments", responder, Gateway.json(Map.of(
                "frameworkId", CHRISTCHURCH_CALL, "clauseNumber", unpledgedClause(),
                "targetDate", LocalDate.now().plusMonths(6).toString())))).json().path("id").asString());
        ids.put("reportId", ok(gateway.post("/api/v1/commitments/" + ids.get("commitment") + "/progress-reports", responder,
                Gateway.json(Map.of("text", "A review queue for livestreams is live.")))).json().path("id").asString());
        ids.put("assessmentId", ok(gateway.post("/api/v1/commitments/" + ids.get("commitment") + "/assessments",
                tokens.of("reviewer@parley.local"), Gateway.json(Map.of("rating", "PARTIALLY_MEETS", "findings", "Live, but only in English so far."))))
                .json().path("id").asString());
        ids.put("workingGroup", newWorkingGroup());
        ids.put("archived", Orders.fulfilledRemovalOrder(gateway, tokens, "https://video.example.com/v/" + UUID.randomUUID(), null));
        ids.put("day", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        ids.put("shape", "full");
        ids.put("stakeholderId", STREAMLY);
        ids.put("version", ok(gateway.get("/api/v1/standards/active")).json().path("version").asString());
        ids.put("framework", CHRISTCHURCH_CALL);
    }

    /** Streamly decides the appeal (a colleague of the responder who restricted the video) and the user escalates it. */
    private void escalate(String appeal) {
        String colleague = tokens.of("responder-streamly-2@parley.local");
        ok(gateway.post("/api/v1/appeals/" + appeal + "/assignment", colleague, "{}"));
        ok(gateway.post("/api/v1/appeals/" + appeal + "/decision", colleague, Gateway.json(Map.of(
                "outcome", "UPHELD",
                "reasoning", "The video calls for attacks on a named group; nothing in it reports or warns.",
                "rabat", Map.of(
                        "context", "Posted during unrest in the town it names.",
                        "speaker", "An account that posts for the group.",
                        "intent", "To bring people to the place it names.",
                        "contentAndForm", "A direct call, with the time and place.",
                        "extent", "Shared widely within an hour.",
                        "likelihood", "Real: people were seen gathering.")))));
        ok(gateway.post("/api/v1/appeals/" + appeal + "/escalation", tokens.of("appellant-1@parley.local"), Gateway.json(Map.of(
                "reason", "The video is a news report; an independent body should look at it."))));
    }

    /** A fixture's id by name: request, notice, appeal, commitment, … */
    String id(String name) {
        return ids.get(name);
    }

    /** A path of the table with the fixtures' ids; a DELETE gets a fresh resource of its own each time. */
    String resolve(String method, String path) {
        boolean delete = method.equals("DELETE");
        Map<String, Supplier<String>> fresh = Map.of("sphereId", this::newSphere, "accountId", this::newMember,
                "wid", this::newWebhook);
        String owner = switch (path.split("/")[3]) {
            case "requests" -> ids.get("request");
            case "archive" -> ids.get("archived");
            case "notices" -> ids.get("notice");
            case "appeals" -> ids.get("appeal");
            case "stakeholders" -> STREAMLY;
            case "commitments" -> ids.get("commitment");
            case "frameworks" -> ids.get("framework");
            case "working-groups" -> delete ? newWorkingGroup() : ids.get("workingGroup");
            default -> null;
        };
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("id") ? owner : delete && fresh.containsKey(name) ? fresh.get(name).get() : ids.get(name);
            if (value == null) {
                throw new IllegalStateException("no fixture for {" + name + "} in " + path);
            }
            m.appendReplacement(resolved, value);
        }
        m.appendTail(resolved);
        return resolved.toString();
    }

    private String newSphere() {
        return ok(gateway.post("/api/v1/stakeholders/" + STREAMLY + "/spheres", tokens.of("admin@parley.local"),
                Gateway.json(Map.of("area", "EDUCATION", "scope", "Media literacy " + UUID.randomUUID())))).json().path("id").asString();
    }

    /** An endpoint of Streamly's, registered by an administrator (only they may name 127.0.0.1, on the local platform). */
    private String newWebhook() {
        return ok(gateway.post("/api/v1/stakeholders/" + STREAMLY + "/webhooks", tokens.of("admin@parley.local"), Gateway.json(Map.of(
                "url", "http://127.0.0.1:9/authorization-matrix", "events", List.of("request.received")))))
                .json().path("id").asString();
    }

    /** Waits for the first delivery to {@code webhook}: the relay and the hub make it just after the request commits. */
    private String firstDelivery(String webhook, String responder) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ok(gateway.get("/api/v1/webhooks/" + webhook + "/deliveries", responder)).json()
                        .path("items").path(0).path("id").asString(""), id -> !id.isEmpty());
    }

    private String newMember() {
        String address = "fixture-" + UUID.randomUUID().toString().substring(0, 8) + "@streamly.example";
        return ok(gateway.post("/api/v1/stakeholders/" + STREAMLY + "/members", tokens.of("admin@parley.local"), Gateway.json(Map.of(
                "email", address, "firstName", "Fixture", "lastName", "Member"))))
                .json().path("id").asString();
    }

    private String newWorkingGroup() {
        return ok(gateway.post("/api/v1/working-groups", tokens.of("admin@parley.local"), Gateway.json(Map.of(
                "name", "Fixture " + UUID.randomUUID(), "mandate", "Who may call what", "memberIds", List.of(STREAMLY)))))
                .json().path("id").asString();
    }

    /** A clause of the Christchurch Call that Streamly has not pledged yet. */
    private String unpledgedClause() {
        Set<String> pledged = new TreeSet<>();
        ok(gateway.get("/api/v1/stakeholders/" + STREAMLY + "/commitments?pageSize=100")).json().path("items")
                .forEach(item -> pledged.add(item.path("clause").path("number").asString()));
        for (JsonNode clause : ok(gateway.get("/api/v1/frameworks/" + CHRISTCHURCH_CALL)).json().path("clauses")) {
            String number = clause.path("number").asString();
            if (!pledged.contains(number)) {
                return number;
            }
        }
        throw new IllegalStateException("Streamly has pledged every clause already: " + pledged);
    }

    static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
        return reply;
    }
}
