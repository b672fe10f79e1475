package org.parley.stakeholder.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** Managing a company's endpoints over HTTP: who may, what is checked, what is kept. */
class WebhookEndpointIT extends WebhookSupport {

    private static final String PUBLIC_URL = "https://8.8.8.8/parley/hooks";

    private Reply register(String bearer, String company, Object body) {
        return api.post("/api/v1/stakeholders/" + company + "/webhooks", body).auth(bearer).send();
    }

    private static Map<String, Object> body(String url, List<String> events) {
        return Map.of("url", url, "events", events, "description", "orders desk tooling");
    }

    private static List<String> fields(Reply reply) {
        return reply.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void aCompanysResponderRegistersAnEndpointAndSeesItsSecretOnlyInTheAnswer() {
        String company = company("Registering Co");
        Reply created = register(responderOf(company), company, body(PUBLIC_URL, List.of("request.received", "appeal.created")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode endpoint = created.json();
        String id = endpoint.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/webhooks/" + id);
        assertThat(endpoint.get("companyId").asString()).isEqualTo(company);
        assertThat(endpoint.get("url").asString()).isEqualTo(PUBLIC_URL);
        assertThat(endpoint.get("events").valueStream().map(JsonNode::asString)).containsExactly("request.received", "appeal.created");
        assertThat(endpoint.get("enabled").asBoolean()).isTrue();
        assertThat(endpoint.get("createdAt")).isNotNull();
        assertThat(endpoint.get("secret").asString()).matches("whsec_[A-Za-z0-9+/]{43}=");

        JsonNode read = api.get("/api/v1/webhooks/" + id).auth(responderOf(company)).send().json();
        assertThat(read.get("secret")).isNull();
        JsonNode list = api.get("/api/v1/stakeholders/" + company + "/webhooks").auth(ADMIN).send().json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("secret")).isNull();
        assertThat(audited("WEBHOOK_REGISTERED", id)).isEqualTo(1);
        assertThat(jdbc.sql("select local_targets_allowed from webhook_endpoint where id = cast(:id as uuid) and registered_by <> ''")
                .param("id", id).query(Boolean.class).single()).isFalse();
    }

    @Test
    void theSameIdempotencyKeyRegistersOnce() {
        String company = company("Idempotent Hooks Co");
        var first = api.post("/api/v1/stakeholders/" + company + "/webhooks", body(PUBLIC_URL, List.of("request.received")))
                .auth(ADMIN).header("Idempotency-Key", "hook-1").send();
        var again = api.post("/api/v1/stakeholders/" + company + "/webhooks", body(PUBLIC_URL, List.of("request.received")))
                .auth(ADMIN).header("Idempotency-Key", "hook-1").send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(api.get("/api/v1/stakeholders/" + company + "/webhooks").auth(ADMIN).send().json().get("items")).hasSize(1);
    }

    @Test
    void anotherCompanysResponderAndOtherPeopleGet404() {
        String company = company("Private Hooks Co");
        String other = company("Nosy Co");
        String id = register(ADMIN, company, body(PUBLIC_URL, List.of("request.received"))).json().get("id").asString();

        for (String stranger : List.of(responderOf(other), liaisonOf(company), APPELLANT, REVIEWER)) {
            assertThat(api.get("/api/v1/stakeholders/" + company + "/webhooks").auth(stranger).send().status()).isEqualTo(404);
            assertThat(register(stranger, company, body(PUBLIC_URL, List.of("request.received"))).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/webhooks/" + id).auth(stranger).send().status()).isEqualTo(404);
            assertThat(api.patch("/api/v1/webhooks/" + id, Map.of("enabled", false)).auth(stranger).send().status()).isEqualTo(404);
            assertThat(api.post("/api/v1/webhooks/" + id + "/secret-rotation", Map.of()).auth(stranger).send().status()).isEqualTo(404);
            assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries").auth(stranger).send().status()).isEqualTo(404);
            assertThat(api.delete("/api/v1/webhooks/" + id).auth(stranger).send().status()).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/webhooks/" + id).send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/webhooks/" + id).auth(ADMIN).send().json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void onlyCompaniesHaveEndpoints() {
        String state = state("Hookless State", "FR");
        Reply refused = register(ADMIN, state, body(PUBLIC_URL, List.of("request.received")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("kind");
        assertThat(register(ADMIN, "01930000-0000-7000-8000-0000000000ab", body(PUBLIC_URL, List.of("request.received"))).status())
                .isEqualTo(404);
    }

    @Test
    void badSettingsAreRefusedWithFieldErrorsAndNothingIsStored() {
        String company = company("Careless Co");
        String responder = responderOf(company);
        Map<String, List<String>> cases = Map.of(
                "ftp://8.8.8.8/hooks", List.of("url"),
                "http://8.8.8.8/hooks", List.of("url"),
                "/relative/hooks", List.of("url"),
                "https://user:secret@8.8.8.8/hooks", List.of("url"),
                "https://8.8.8.8/" + "a".repeat(2000), List.of("url"));
        cases.forEach((url, expected) -> {
            Reply refused = register(responder, company, body(url, List.of("request.received")));
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(fields(refused)).as(url).isEqualTo(expected);
        });
        Reply noEvents = register(responder, company, body(PUBLIC_URL, List.of()));
        assertThat(fields(noEvents)).containsExactly("events");
        Reply unknown = register(responder, company, body(PUBLIC_URL, List.of("request.received", "request.deleted")));
        assertThat(fields(unknown)).containsExactly("events[1]");
        assertThat(api.get("/api/v1/stakeholders/" + company + "/webhooks").auth(responder).send().json().get("items")).isEmpty();
    }

    @Test
    void internalAddressesAreRefusedOutsideTheDevelopmentException() {
        String company = company("Sneaky Co");
        String responder = responderOf(company);
        for (String url : List.of("https://127.0.0.1/hooks", "https://10.1.2.3/hooks", "https://192.168.0.10/hooks",
                "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hooks", "https://[::1]/hooks",
                "https://[fd00::1]/hooks", "https://[fe80::1]/hooks", "https://0.0.0.0/hooks", "https://224.0.0.1/hooks",
                "https://[::ffff:127.0.0.1]/hooks", "https://localhost/hooks")) {
            Reply refused = register(responder, company, body(url, List.of("request.received")));
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(fields(refused)).as(url).containsExactly("url");
            assertThat(refused.json().get("errors").get(0).get("message").asString()).as(url).contains("which webhooks may not reach");
        }
        // the exception: an admin, with development on (as in these tests), may use loopback and plain http
        Reply allowed = register(ADMIN, company, body("http://127.0.0.1:9/hooks", List.of("request.received")));
        assertThat(allowed.status()).isEqualTo(201);
        assertThat(jdbc.sql("select local_targets_allowed from webhook_endpoint where id = cast(:id as uuid) and registered_by <> ''")
                .param("id", allowed.json().get("id").asString()).query(Boolean.class).single()).isTrue();
        // a responder who moves it elsewhere does not carry the exception along
        Reply moved = api.patch("/api/v1/webhooks/" + allowed.json().get("id").asString(), Map.of("url", "https://10.0.0.1/hooks"))
                .auth(responder).send();
        assertThat(moved.status()).isEqualTo(422);
        assertThat(fields(moved)).containsExactly("url");
    }

    @Test
    void aChangeIsCheckedKeptAndAudited() {
        String company = company("Changing Co");
        String id = register(responderOf(company), company, body(PUBLIC_URL, List.of("request.received"))).json().get("id").asString();

        Reply changed = api.patch("/api/v1/webhooks/" + id, Map.of("events", List.of("request.overdue", "appeal.escalated"),
                "description", "escalations")).auth(responderOf(company)).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("events").valueStream().map(JsonNode::asString)).containsExactly("request.overdue", "appeal.escalated");
        assertThat(changed.json().get("description").asString()).isEqualTo("escalations");
        assertThat(changed.json().get("url").asString()).isEqualTo(PUBLIC_URL);
        assertThat(audited("WEBHOOK_CHANGED", id)).isEqualTo(1);

        Reply disabled = api.patch("/api/v1/webhooks/" + id, Map.of("enabled", false)).auth(responderOf(company)).send();
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(audited("WEBHOOK_DISABLED", id)).isEqualTo(1);
        assertThat(api.patch("/api/v1/webhooks/" + id, Map.of("events", List.of())).auth(responderOf(company)).send().status()).isEqualTo(422);
        assertThat(api.patch("/api/v1/webhooks/" + id, Map.of("secret", "whsec_x")).auth(responderOf(company)).send().status()).isEqualTo(400);
    }
}
