package org.parley.request.deconfliction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    void anotherAuthorityLearnsOnlyThatAnOverlapExistsWhileTheCompanyLearnsWhichRequest() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        String deOrder = submit(de.liaison(), order(video, url));

        String frSpelling = url.replace("https://video.example.com", "HTTPS://Video.Example.COM:443") + "/";
        JsonNode frReferral = api.post("/api/v1/requests", Bodies.referral(video.id(), frSpelling))
                .auth(fr.liaison()).send().json();
        String frId = frReferral.get("id").asString();

        assertThat(frReferral.get("overlaps")).as("the submission's own answer").singleElement().satisfies(o -> {
            assertThat(o.get("subject").asString()).isEqualTo(frSpelling);
            assertThat(o.get("sameAuthority").asBoolean()).isFalse();
            assertThat(o.has("otherType")).isFalse();
            assertThat(o.has("otherAuthorityCountry")).isFalse();
            assertThat(o.has("otherRequestId")).isFalse();
        });
        assertThat(frReferral.toString()).doesNotContain(deOrder).doesNotContain(de.id().toString());
        JsonNode deView = get(deOrder, de.liaison()).json();
        assertThat(deView.get("overlaps")).singleElement().satisfies(o -> {
            assertThat(o.get("subject").asString()).isEqualTo(url);
            assertThat(o.get("sameAuthority").asBoolean()).isFalse();
            assertThat(o.has("otherType")).isFalse();
            assertThat(o.has("otherAuthorityCountry")).isFalse();
            assertThat(o.has("otherRequestId")).isFalse();
        });
        assertThat(deView.get("overlaps").toString()).doesNotContain(frId).doesNotContain(fr.id().toString());

        JsonNode forCompany = get(deOrder, video.responder()).json().get("overlaps");
        assertThat(forCompany).as("the company received both requests").singleElement().satisfies(o -> {
            assertThat(o.get("otherType").asString()).isEqualTo("REFERRAL");
            assertThat(o.get("otherAuthorityCountry").asString()).isEqualTo("FR");
            assertThat(o.get("otherRequestId").asString()).isEqualTo(frId);
        });
        assertThat(get(deOrder, World.admin()).json().get("overlaps").get(0).get("otherRequestId").asString())
                .isEqualTo(frId);
    }

    @Test
    void theHistoryOfARequestNamesNeitherTheOtherRequestNorItsAuthorityNorItsLiaison() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        String deOrder = submit(de.liaison(), order(video, url));
        String frReferral = submit(fr.liaison(), Bodies.referral(video.id(), url));

        JsonNode forDe = history(deOrder, de.liaison());
        JsonNode flagged = entry(forDe, "OVERLAP_FLAGGED");
        assertThat(flagged).as("DE learns that an overlap was found").isNotNull();
        assertThat(forDe.toString()).doesNotContain(frReferral).doesNotContain(fr.id().toString())
                .doesNotContain("liaison-1-" + fr.tag());
        assertThat(flagged.has("details")).isFalse();
        assertThat(entry(history(frReferral, fr.liaison()), "OVERLAP_FLAGGED")).as("so does FR, on its own").isNotNull();
        assertThat(history(frReferral, fr.liaison()).toString()).doesNotContain(deOrder).doesNotContain(de.id().toString());

        JsonNode forCompany = history(deOrder, video.responder());
        assertThat(entry(forCompany, "OVERLAP_FLAGGED")).isNotNull();
        assertThat(forCompany.toString()).doesNotContain("liaison-1-" + fr.tag()).doesNotContain(fr.id().toString());

        assertThat(entry(history(deOrder, World.admin()), "OVERLAP_FLAGGED").get("details").get("overlapsWith").asString())
                .as("oversight sees everything").isEqualTo(frReferral);
    }

    @Test
    void aRequestUnderAGagOrderIsNotRevealedToAnotherAuthority() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        Map<String, Object> gagged = order(video, url);
        LocalDate until = LocalDate.ofInstant(now(), ZoneOffset.UTC).plusDays(30);
        gagged.put("confidentiality", Map.of("until", until.toString(), "justification", "Ongoing investigation into the uploader."));
        String deOrder = submit(de.liaison(), gagged);

        JsonNode frReferral = api.post("/api/v1/requests", Bodies.referral(video.id(), url)).auth(fr.liaison()).send().json();
        String frId = frReferral.get("id").asString();

        assertThat(frReferral.get("overlaps").isEmpty()).as("FR may not learn that a gagged order exists").isTrue();
        assertThat(get(frId, fr.liaison()).json().get("overlaps").isEmpty()).isTrue();
        assertThat(history(frId, fr.liaison()).findValuesAsString("action")).doesNotContain("OVERLAP_FLAGGED", "OVERLAP_WITHHELD");
        assertThat(get(deOrder, de.liaison()).json().get("overlaps")).as("DE may learn that FR's referral exists")
                .singleElement().satisfies(o -> assertThat(o.has("otherRequestId")).isFalse());
        assertThat(get(frId, video.responder()).json().get("overlaps")).as("the company received both")
                .singleElement().satisfies(o -> assertThat(o.get("otherRequestId").asString()).isEqualTo(deOrder));
        assertThat(history(frId, video.responder()).findValuesAsString("action")).contains("OVERLAP_WITHHELD");

        // that the overlap is revealed once the gag ends is OverlapDisclosureTest's: a month's move of the
        // shared clock here would make the tests that run later in this context depend on this one
    }

    @Test
    void onlyRemovalOrdersAndReferralsTakePartInDeconfliction() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        String account = "user-" + UUID.randomUUID();
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        Map<String, Object> information = Bodies.information(video.id(), today.minusDays(10), today, "SUBSCRIBER");
        information.put("subjects", List.of(Map.of("kind", "ACCOUNT", "value", account)));
        information.put("confidentiality", Map.of("until", today.plusDays(30).toString(),
                "justification", "The account holder must not learn of the investigation."));
        String gaggedInformation = submit(de.liaison(), information);
        Map<String, Object> emergency = Bodies.emergency(video.id());
        emergency.put("subjects", List.of(Map.of("kind", "ACCOUNT", "value", account)));
        String confirmedEmergency = submit(de.liaison(), emergency);
        assertThat(post("/api/v1/requests/" + confirmedEmergency + "/confirmation", null, de.secondLiaison()).status())
                .isEqualTo(200);

        Map<String, Object> probe = Bodies.removalOrder(video.id());
        probe.put("subjects", List.of(Map.of("kind", "ACCOUNT", "value", account)));
        JsonNode frOrder = api.post("/api/v1/requests", probe).auth(fr.liaison()).send().json();

        assertThat(frOrder.get("overlaps").isEmpty()).as("a disclosure order is never matched").isTrue();
        assertThat(get(frOrder.get("id").asString(), video.responder()).json().get("overlaps").isEmpty()).isTrue();
        assertThat(get(gaggedInformation, World.admin()).json().get("overlaps").isEmpty()).as("nor does it match").isTrue();
        assertThat(get(confirmedEmergency, World.admin()).json().get("overlaps").isEmpty()).isTrue();
        assertThat(auditCount(gaggedInformation, "OVERLAP_FLAGGED")).isZero();
    }

    @Test
    void requestsToAnotherCompanyDoNotOverlap() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        World.Company other = World.company("DE", "FR");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        String deOrder = submit(de.liaison(), order(video, url));

        JsonNode elsewhere = api.post("/api/v1/requests", Bodies.referral(other.id(), url)).auth(fr.liaison()).send().json();

        assertThat(elsewhere.get("overlaps").isEmpty()).isTrue();
        assertThat(get(deOrder, World.admin()).json().get("overlaps").isEmpty()).isTrue();
    }

    @Test
    void requestsNoLongerOpenDoNotOverlap() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        String withdrawn = submit(de.liaison(), order(video, url));
        post("/api/v1/requests/" + withdrawn + "/withdrawal", null, de.liaison());

        JsonNode second = api.post("/api/v1/requests", order(video, url)).auth(de.liaison()).send().json();

        assertThat(second.get("overlaps").isEmpty()).isTrue();
        assertThat(get(withdrawn, World.admin()).json().get("overlaps").isEmpty()).isTrue();
    }

    @Test
    void anOverlapFoundWhileBothWereOpenStaysWhenOneCloses() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        String deOrder = submit(de.liaison(), order(video, url));
        String frReferral = submit(fr.liaison(), Bodies.referral(video.id(), url));
        CLOCK.advance(Duration.ofSeconds(5));

        assertThat(post("/api/v1/requests/" + deOrder + "/withdrawal", null, de.liaison()).status()).isEqualTo(200);

        assertThat(get(frReferral, video.responder()).json().get("overlaps")).singleElement()
                .satisfies(o -> assertThat(o.get("otherRequestId").asString()).isEqualTo(deOrder));
        assertThat(get(frReferral, fr.liaison()).json().get("overlaps")).hasSize(1);
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
        assertThat(second.get("overlaps").get(0).get("otherType").asString()).isEqualTo("REFERRAL");
        assertThat(get(second.get("id").asString(), video.responder()).json().get("overlaps").get(0)
                .get("otherRequestId").asString()).as("the company received both").isEqualTo(first);
    }

    /**
     * k open orders naming one subject keep k audit records of their overlaps and no overlap rows at all: each
     * request's overlaps are found from the subjects it names, and the earlier ones are told once.
     */
    @Test
    void openOrdersNamingOneSubjectKeepAsManyOverlapRecordsAsThereAreOrders() {
        World.Company video = World.company("DE", "FR");
        String url = "https://video.example.com/v/" + UUID.randomUUID();
        int k = 8;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ids.add(submit(World.authority(i % 2 == 0 ? "DE" : "FR").liaison(), order(video, url)));
        }

        long records = ids.stream().mapToLong(id -> auditCount(id, "OVERLAP_FLAGGED") + auditCount(id, "OVERLAP_WITHHELD")).sum();
        long overlapTables = jdbc.sql("select count(*) from information_schema.tables where table_name = 'request_overlap'")
                .query(Long.class).single();
        System.out.printf("overlap records for %d open orders naming one subject: %d audit records, %s%n", k, records,
                overlapTables == 0 ? "no overlap table" : "an overlap table");

        assertThat(records).isEqualTo(k);
        assertThat(overlapTables).isZero();
        for (String id : ids) {
            assertThat(get(id, video.responder()).json().get("overlaps")).as("each sees every other").hasSize(k - 1);
        }
    }

    private static Map<String, Object> order(World.Company company, String url) {
        Map<String, Object> order = Bodies.removalOrder(company.id());
        order.put("subjects", List.of(Map.of("kind", "URL", "value", url)));
        return order;
    }

    private JsonNode history(String id, String token) {
        return api.get("/api/v1/requests/" + id + "/history").auth(token).send().json();
    }

    private static JsonNode entry(JsonNode history, String action) {
        for (JsonNode entry : history) {
            if (action.equals(entry.get("action").asString())) {
                return entry;
            }
        }
        return null;
    }
}
