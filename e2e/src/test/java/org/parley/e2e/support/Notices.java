package org.parley.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** Statements of reasons as Streamly's responders record them in the system tests. */
public final class Notices {

    private Notices() {
    }

    /**
     * A video removed in Germany for incitement, decided by a person a minute ago, tied to the
     * government order {@code requestId} (or to none); mutable, so a test can change a field.
     */
    public static Map<String, Object> statementOfReasons(String video, String requestId) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("contentRef", video);
        notice.put("accountRef", "user-" + UUID.randomUUID().toString().substring(0, 8));
        notice.put("restriction", "REMOVED");
        notice.put("territorialScope", List.of("DE"));
        notice.put("ground", "ILLEGAL_CONTENT");
        notice.put("legalReference", "StGB §130");
        notice.put("category", "INCITEMENT_TO_VIOLENCE");
        notice.put("facts", "The video names a group and calls on viewers to attack its members at a named place.");
        notice.put("automatedDetection", false);
        notice.put("automatedDecision", false);
        notice.put("decidedAt", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString());
        notice.put("requestId", requestId);
        notice.put("language", "de");
        return notice;
    }

    /** Streamly's first responder records the statement of reasons; answers its id, reference and printed code. */
    public static JsonNode record(Gateway gateway, Tokens tokens, String video, String requestId) {
        Reply recorded = gateway.post("/api/v1/notices", tokens.of("responder-streamly-1@parley.local"),
                Gateway.json(statementOfReasons(video, requestId)));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().path("accessCode").asString()).isNotBlank();
        return recorded.json();
    }
}
