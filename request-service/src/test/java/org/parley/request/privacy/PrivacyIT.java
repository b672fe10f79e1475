package org.parley.request.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PrivacyIT extends RequestServiceIT {

    @Autowired
    SubjectRetention retention;

    @Test
    void subjectsAreStoredSealedAndComparedByKeyedHashNeverInTheClear() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        String account = "user-" + UUID.randomUUID();
        String url = "https://video.example.com/" + account + "/v/1";
        Map<String, Object> order = Bodies.removalOrder(video.id());
        order.put("subjects", List.of(Map.of("kind", "URL", "value", url), Map.of("kind", "ACCOUNT", "value", account)));
        String id = submit(de.liaison(), order);
        submit(fr.liaison(), Bodies.referral(video.id(), url));

        List<Map<String, Object>> stored = jdbc.sql("select value, subject_key from request_subject where request_id = cast(:id as uuid)")
                .param("id", id).query().listOfRows();
        assertThat(stored).hasSize(2).allSatisfy(row -> {
            assertThat((String) row.get("value")).startsWith("k1:").doesNotContain(account);
            assertThat((String) row.get("subject_key")).startsWith("h1:").doesNotContain(account);
        });

        JsonNode seen = get(id, video.responder()).json();
        assertThat(seen.get("subjects").get(0).get("value").asString()).isEqualTo(url);
        assertThat(seen.get("subjects").get(1).get("value").asString()).isEqualTo(account);
        assertThat(seen.get("overlaps").get(0).get("subject").asString()).as("the overlap was found by keyed hash").isEqualTo(url);
    }

    @Test
    void subjectsAreErasedOnceARequestHasBeenFinalForTheRetentionPeriodAndNotBefore() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String withdrawn = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + withdrawn + "/withdrawal", null, de.liaison());
        Map<String, Object> gagged = Bodies.removalOrder(video.id());
        gagged.put("confidentiality", Map.of("until", LocalDate.ofInstant(now(), ZoneOffset.UTC).plusDays(100).toString(),
                "justification", "The suspects must not learn of the investigation yet."));
        String underGag = submit(de.liaison(), gagged);
        post("/api/v1/requests/" + underGag + "/withdrawal", null, de.liaison());
        String open = submit(de.liaison(), Bodies.removalOrder(video.id()));

        CLOCK.advance(Duration.ofDays(364));
        retention.erase();
        assertThat(get(withdrawn, de.liaison()).json().get("subjects").get(0).has("value")).as("not yet").isTrue();

        CLOCK.advance(Duration.ofDays(2));
        retention.erase();
        JsonNode erased = get(withdrawn, de.liaison()).json();
        assertThat(erased.get("subjects").get(0).has("value")).isFalse();
        assertThat(erased.get("subjects").get(0).get("erased").asBoolean()).isTrue();
        assertThat(erased.get("subjects").get(0).get("kind").asString()).isEqualTo("URL");
        assertThat(auditCount(withdrawn, "SUBJECTS_ERASED")).isEqualTo(1);
        assertThat(get(underGag, de.liaison()).json().get("subjects").get(0).has("value"))
                .as("retention counts from the end of the gag order").isTrue();
        assertThat(get(open, de.liaison()).json().get("subjects").get(0).has("value")).as("an open request keeps its subjects")
                .isTrue();

        CLOCK.advance(Duration.ofDays(100));
        retention.erase();
        assertThat(get(underGag, de.liaison()).json().get("subjects").get(0).has("value")).isFalse();
        retention.erase();
        assertThat(auditCount(withdrawn, "SUBJECTS_ERASED")).as("once").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from government_request where id = cast(:id as uuid) and subjects_erased_at is not null")
                .param("id", withdrawn).query(Long.class).single()).isEqualTo(1);
    }
}
