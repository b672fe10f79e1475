package org.parley.request.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.request.shared.domain.Subject;
import org.parley.request.shared.domain.SubjectKey;
import org.parley.request.shared.domain.SubjectKind;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LegacySubjectSealingIT extends RequestServiceIT {

    @Autowired
    LegacySubjectSealing sealing;

    @Test
    void subjectsAnEarlierVersionStoredInTheClearAreSealedAtStartAndStillMatch() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        Map<String, Object> order = Bodies.removalOrder(video.id());
        order.put("subjects", List.of(Map.of("kind", "URL", "value", url)));
        String id = submit(de.liaison(), order);
        // as versions before V4 stored it: the value and its normalised key in the clear
        jdbc.sql("update request_subject set value = :value, subject_key = :key where request_id = cast(:id as uuid)")
                .param("value", url).param("key", SubjectKey.of(new Subject(SubjectKind.URL, url))).param("id", id)
                .update();

        sealing.sealLegacySubjects();

        Map<String, Object> row = jdbc.sql("select value, subject_key from request_subject where request_id = cast(:id as uuid)")
                .param("id", id).query().singleRow();
        assertThat((String) row.get("value")).startsWith("k1:").doesNotContain(url);
        assertThat((String) row.get("subject_key")).startsWith("h1:");
        assertThat(get(id, de.liaison()).json().get("subjects").get(0).get("value").asString()).isEqualTo(url);
        JsonNode referral = api.post("/api/v1/requests", Bodies.referral(video.id(), url)).auth(de.secondLiaison()).send().json();
        assertThat(referral.get("overlaps").get(0).get("otherRequestId").asString()).as("still found by deconfliction")
                .isEqualTo(id);
    }
}
