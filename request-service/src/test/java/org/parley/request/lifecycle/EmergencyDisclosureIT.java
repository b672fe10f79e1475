package org.parley.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import tools.jackson.databind.JsonNode;

class EmergencyDisclosureIT extends RequestServiceIT {

    @Test
    void anEmergencyDisclosureReachesTheCompanyOnlyAfterASecondLiaisonConfirmsIt() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE");

        Reply submitted = api.post("/api/v1/requests", Bodies.emergency(video.id())).auth(de.liaison()).send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        JsonNode awaiting = submitted.json();
        String id = awaiting.get("id").asString();
        assertThat(awaiting.get("state").asString()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(awaiting.has("dueAt")).isFalse();
        assertThat(awaiting.has("receivedAt")).isFalse();
        assertThat(awaiting.get("urgency").asString()).isEqualTo("URGENT");
        assertThat(awaiting.get("confirmation").get("confirmed").asBoolean()).isFalse();
        assertThat(get(id, video.responder()).status()).isEqualTo(404);

        String confirm = "/api/v1/requests/" + id + "/confirmation";
        Reply own = post(confirm, null, de.liaison());
        assertThat(own.status()).as("the submitter cannot confirm their own").isEqualTo(403);
        assertThat(post(confirm, null, fr.liaison()).status()).isEqualTo(404);
        assertThat(post(confirm, null, World.admin()).status()).isEqualTo(403);

        CLOCK.advance(Duration.ofMinutes(7));
        Reply confirmed = post(confirm, null, de.secondLiaison());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(Instant.parse(confirmed.json().get("receivedAt").asString())).isEqualTo(now());
        assertThat(Instant.parse(confirmed.json().get("dueAt").asString())).isEqualTo(now().plus(Duration.ofHours(4)));

        assertThat(get(id, video.responder()).status()).isEqualTo(200);
        assertThat(post(confirm, null, de.secondLiaison()).status()).isEqualTo(409);
        assertThat(auditCount(id, "EMERGENCY_CONFIRMED")).isEqualTo(1);
    }

    @Test
    void theSubmitterSeesWhoMayStillActAndCanWithdrawAnUnconfirmedEmergency() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.emergency(video.id()));

        assertThat(get(id, de.liaison()).json().get("availableActions").toString()).isEqualTo("[\"WITHDRAW\"]");
        assertThat(get(id, de.secondLiaison()).json().get("availableActions").toString()).isEqualTo("[\"CONFIRM\",\"WITHDRAW\"]");

        assertThat(post("/api/v1/requests/" + id + "/withdrawal", null, de.liaison()).json().get("state").asString())
                .isEqualTo("WITHDRAWN");
        assertThat(get(id, video.responder()).status()).as("a withdrawn, never confirmed emergency never reached the company")
                .isEqualTo(404);
    }
}
