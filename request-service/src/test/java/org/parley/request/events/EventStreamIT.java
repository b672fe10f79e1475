package org.parley.request.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.request.support.EventStreamClient.EVENTS;
import static org.parley.request.support.EventStreamClient.QUIET;
import static org.parley.request.support.EventStreamClient.SOON;
import static org.parley.request.support.EventStreamClient.kinds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.TestTokens;
import org.parley.request.support.Bodies;
import org.parley.request.support.EventStreamClient;
import org.parley.request.support.EventStreamClient.Message;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.StreamCommitProbe;
import org.parley.request.support.World;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The event stream itself: who may open one, what an event carries and how fast it comes, how the
 * stream beats while idle and ends when the token expires.
 */
class EventStreamIT extends RequestServiceIT {

    @Test
    void aResponderSeesANewRemovalOrderWithinASecondOfItsSubmission() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        List<Long> afterResponse = new ArrayList<>();
        List<Long> afterRequest = new ArrayList<>();
        try (EventStreamClient inbox = listen(video.responder(), null);
                EventStreamClient authority = listen(de.liaison(), null)) {
            assertThat(inbox.header("Content-Type")).startsWith("text/event-stream");
            for (int i = 0; i < 10; i++) {
                long sent = System.nanoTime();
                Reply submitted = api.post("/api/v1/requests", Bodies.removalOrder(video.id())).auth(de.liaison()).send();
                long answered = System.nanoTime();
                assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);

                Message event = inbox.nextEvent(SOON);

                assertThat(event).as("REQUEST_RECEIVED on the company's stream").isNotNull();
                afterRequest.add((event.receivedNanos() - sent) / 1_000_000);
                afterResponse.add((event.receivedNanos() - answered) / 1_000_000);
                assertThat(event.event()).isEqualTo("REQUEST_RECEIVED");
                assertThat(event.id()).matches("[1-9][0-9]*");
                JsonNode data = event.json();
                assertThat(data.propertyNames()).containsExactly("requestId", "kind", "at");
                assertThat(data.get("requestId").asString()).isEqualTo(submitted.json().get("id").asString());
                assertThat(data.get("kind").asString()).isEqualTo("REQUEST_RECEIVED");
                assertThat(Instant.parse(data.get("at").asString()))
                        .isEqualTo(Instant.parse(submitted.json().get("receivedAt").asString()));
            }
            assertThat(authority.eventsWithin(QUIET)).as("a removal order needs no confirmation").isEmpty();
        }
        System.out.printf("request event latency over %d removal orders: from the POST %s ms, from its 201 %s ms%n",
                afterRequest.size(), summary(afterRequest), summary(afterResponse));
        assertThat(afterResponse).as("ms from the 201 to the event").allSatisfy(ms -> assertThat(ms).isLessThan(1000));
    }

    @Test
    void aResponderOfAnotherCompanyHearsNothingOfIt() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        World.Company chirp = World.company("DE");
        World.Authority fr = World.authority("FR");
        try (EventStreamClient target = listen(video.responder(), null);
                EventStreamClient other = listen(chirp.responder(), null);
                EventStreamClient otherAuthority = listen(fr.liaison(), null)) {
            String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(target.nextEvent(SOON).json().get("requestId").asString()).isEqualTo(id);
            post("/api/v1/requests/" + id + "/acknowledgement", null, video.responder());

            assertThat(other.eventsWithin(QUIET)).isEmpty();
            assertThat(otherAuthority.eventsWithin(Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void onlyLiaisonsAndRespondersHaveAStream() {
        for (String token : List.of(World.appellant(), World.reviewer(), World.admin(), World.service(),
                TestTokens.bearer("responder-without-company", null, Role.COMPANY_RESPONDER))) {
            Reply refused = api.get(EVENTS).auth(token).header("Accept", "text/event-stream").send();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Reply anonymous = api.get(EVENTS).header("Accept", "text/event-stream").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Reply malformed = api.get(EVENTS + "?after=yesterday").auth(World.company("DE").responder())
                .header("Accept", "text/event-stream").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theStreamBeatsWhileIdleAndEndsCleanlyWhenTheTokenExpires(CapturedOutput output) {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        // a token's exp counts whole seconds
        Instant expiry = Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String shortLived = "Bearer " + TestTokens.sign(TestTokens.claims("responder-1-" + video.tag(), video.id().toString(),
                Role.COMPANY_RESPONDER).expirationTime(Date.from(expiry)).build());

        try (EventStreamClient inbox = listen(shortLived, null)) {
            String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(kinds(inbox.nextEvent(SOON))).isEqualTo("REQUEST_RECEIVED " + id);

            assertThat(inbox.awaitEnd(Duration.ofSeconds(10))).as("the server ends the stream").isTrue();
            Instant ended = Instant.now();

            assertThat(Duration.between(expiry, ended)).as("ended at the token's expiry")
                    .isBetween(Duration.ZERO, Duration.ofSeconds(2));
            assertThat(inbox.lines()).as("heartbeats while idle").contains(":heartbeat");
            assertThat(inbox.lines()).as("nothing but server-sent events, before and after the end")
                    .allSatisfy(line -> assertThat(line).matches("|:.*|id:[0-9]+|event:[A-Z_]+|data:\\{.*\\}"));
        }
        assertThat(output.getAll()).doesNotContain("already committed", "AccessDenied", "unexpected failure",
                "event stream failed");
    }

    /**
     * The response of a stream is committed on the request's own thread, before the security filters write their
     * headers on the way out: when the stream's thread wrote first, both touched the response's headers at once
     * (Tomcat's are not thread-safe), and now and then a stream failed with a NullPointerException in them.
     */
    @Test
    void aStreamIsCommittedBeforeTheRequestsThreadLeavesTheFilters() {
        World.Company video = World.company("DE");
        StreamCommitProbe.COMMITTED_WHEN_LEFT.clear();
        for (int i = 0; i < 20; i++) {
            try (EventStreamClient inbox = EventStreamClient.open(url(EVENTS), video.responder(), Map.of())) {
                assertThat(inbox.next(SOON).comment()).as("the stream opens with a comment").isEqualTo("open");
                assertThat(inbox.next(SOON).id()).as("then its position").matches("[0-9]+");
            }
        }
        assertThat(StreamCommitProbe.COMMITTED_WHEN_LEFT).hasSize(20).containsOnly(true);
    }

    @Test
    void theOpenApiDocumentListsTheStream() {
        JsonNode docs = api.get("/v3/api-docs").send().json();

        JsonNode stream = docs.get("paths").get(EVENTS);
        assertThat(stream).isNotNull();
        assertThat(stream.get("get").get("responses").get("200").get("content").has("text/event-stream")).isTrue();
        assertThat(stream.get("get").get("parameters").findValuesAsString("name")).contains("Last-Event-ID", "after");
    }

    private EventStreamClient listen(String token, Long after) {
        return EventStreamClient.listen(url(EVENTS + (after == null ? "" : "?after=" + after)), token);
    }

    private static String summary(List<Long> ms) {
        List<Long> sorted = ms.stream().sorted().toList();
        return "median " + sorted.get(sorted.size() / 2) + ", max " + sorted.getLast() + " (" + sorted + ")";
    }
}
