package org.parley.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.parley.common.testkit.ApiClient.Reply;

/** Requests as a German liaison files them in the system tests: complete, nothing blocks. */
public final class Orders {

    /** The demo company Streamly. */
    public static final String STREAMLY = "01930000-0000-7000-8000-00000000c001";

    private Orders() {
    }

    /** A removal order to Streamly for one video; mutable, so a test can change a field. */
    public static Map<String, Object> removalOrder(String video) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("type", "REMOVAL_ORDER");
        order.put("targetCompanyId", STREAMLY);
        order.put("legalBasis", Map.of("instrument", "Regulation (EU) 2021/784", "provision", "Art. 3", "jurisdiction", "DE"));
        order.put("legitimateAim", "PUBLIC_ORDER");
        order.put("necessityStatement", "The video calls for attacks on a named group and is spreading fast; "
                + "removing it is the only measure that stops the harm in time.");
        order.put("proportionalityStatement", "Only this one video is concerned; the account and all other content stay "
                + "online and no user data is asked for.");
        order.put("subjects", List.of(Map.of("kind", "URL", "value", video)));
        order.put("statementOfReasons", "Incitement to violence against a group, StGB §130.");
        return order;
    }

    /** A removal order to Streamly for a video of its own. */
    public static Map<String, Object> removalOrder() {
        return removalOrder("https://video.example.com/v/" + UUID.randomUUID());
    }

    /**
     * A German liaison orders {@code video} removed (under a gag order until {@code gagUntil}, when
     * given); Streamly acknowledges it and removes the video. Answers the request's id.
     */
    public static String fulfilledRemovalOrder(Gateway gateway, Tokens tokens, String video, LocalDate gagUntil) {
        Map<String, Object> order = removalOrder(video);
        if (gagUntil != null) {
            order.put("confidentiality", Map.of("until", gagUntil.toString(),
                    "justification", "Telling the account holder now would warn suspects of an ongoing investigation."));
        }
        Reply submitted = gateway.post("/api/v1/requests", tokens.of("liaison-de-1@parley.local"), Gateway.json(order));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String request = submitted.json().path("id").asString();
        String responder = tokens.of("responder-streamly-1@parley.local");
        Reply acknowledged = gateway.post("/api/v1/requests/" + request + "/acknowledgement", responder, "{}");
        assertThat(acknowledged.status()).as(acknowledged.toString()).isIn(200, 201);
        Reply fulfilled = gateway.post("/api/v1/requests/" + request + "/response", responder, Gateway.json(Map.of(
                "outcome", "FULFILLED", "reasonCodes", List.of(), "explanation", "The video was removed for all users.",
                "actionTakenAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())));
        assertThat(fulfilled.status()).as(fulfilled.toString()).isIn(200, 201);
        return request;
    }
}
