package org.parley.request.deconfliction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import tools.jackson.databind.JsonNode;

class DeconflictionIT extends RequestServiceIT {

    @Test
    void aReferralNamingContentThatAnotherAuthoritysOpenOrderNamesIsFlaggedToBothWithoutTheirDetails() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        Map<String, Object> order = Bodies.removalOrder(video.id());
        order.put("subjects", List.of(Map.of("kind", "URL", "value", url)));
        order.put("confidentiality", Map.of("until", java.time.LocalDate.ofInstant(now(), java.time.ZoneOffset.UTC).plusDays(30).toString(),
                "justification", "Ongoing investigation into the uploader."));
        String deOrder = submit(de.liaison(), order);

        JsonNode frReferral = api.post("/api/v1/requests", Bodies.referral(video.id(),
                        url.replace("https://video.example.com", "HTTPS://Video.Example.COM:443") + "/"))
                .auth(fr.liaison()).send().json();

        assertThat(frReferral.get("overlaps")).singleElement().satisfies(o -> {
            assertThat(o.get("otherType").asString()).isEqualTo("REMOVAL_ORDER");
            assertThat(o.get("otherAuthorityCountry").asString()).isEqualTo("DE");
            assertThat(o.get("sameAuthority").asBoolean()).isFalse();
            assertThat(o.has("otherRequestId")).as("FR may not see DE's request").isFalse();
        });
        assertThat(frReferral.get("overlaps").toString()).doesNotContain("Ongoing investigation").doesNotContain("Art. 3");

        JsonNode deView = get(deOrder, de.liaison()).json();
        assertThat(deView.get("overlaps")).singleElement().satisfies(o -> {
            assertThat(o.get("otherType").asString()).isEqualTo("REFERRAL");
            assertThat(o.get("otherAuthorityCountry").asString()).isEqualTo("FR");
            assertThat(o.get("subject").asString()).isEqualTo(url);
            assertThat(o.has("otherRequestId")).isFalse();
        });
        assertThat(get(deOrder, World.admin()).json().get("overlaps").get(0).get("otherRequestId").asString())
                .isEqualTo(frReferral.get("id").asString());
        assertThat(auditCount(deOrder, "OVERLAP_FLAGGED")).isEqualTo(1);
    }

    @Test
    void requestsNoLongerOpenDoNotOverlap() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        Map<String, Object> first = Bodies.removalOrder(video.id());
        first.put("subjects", List.of(Map.of("kind", "URL", "value", url)));
        String withdrawn = submit(de.liaison(), first);
        post("/api/v1/requests/" + withdrawn + "/withdrawal", null, de.liaison());

        JsonNode second = api.post("/api/v1/requests", first).auth(de.liaison()).send().json();

        assertThat(second.get("overlaps").isEmpty()).isTrue();
    }

    @Test
    void theSameAuthoritySeesWhichOfItsOwnRequestsOverlaps() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        String first = submit(de.liaison(), Bodies.referral(video.id(), url));

        JsonNode second = api.post("/api/v1/requests", Bodies.referral(video.id(), url)).auth(de.secondLiaison()).send().json();

        assertThat(second.get("overlaps").get(0).get("sameAuthority").asBoolean()).isTrue();
        assertThat(second.get("overlaps").get(0).get("otherRequestId").asString()).isEqualTo(first);
        assertThat(get(second.get("id").asString(), video.responder()).json().get("overlaps").get(0)
                .get("otherRequestId").asString()).as("the company received both").isEqualTo(first);
    }
}
