package org.parley.appeal.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.Actor;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** Claiming a notice with its reference and one-time access code, and why guessing codes does not work. */
class ClaimIT extends AppealServiceIT {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    @Test
    void theOwnerClaimsWithTheReferenceAndCodeHoweverTheyTypeThem() {
        JsonNode recorded = recordedNotice();
        String sloppyReference = recorded.get("reference").asText().toLowerCase().replace("-", " ");
        String sloppyCode = " " + recorded.get("accessCode").asText().toLowerCase().replace("-", "") + " ";

        Reply first = claim(w.appellant(), sloppyReference, sloppyCode);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/api/v1/notices/" + recorded.get("id").asText());
        assertThat(first.json().get("claimed").asBoolean()).isTrue();
        assertThat(first.json().get("explanation").asText()).contains("removed your content");
        assertThat(first.header("Cache-Control")).as("the account concerned is not kept for replays").contains("no-store");

        Reply again = claim(w.appellant(), recorded.get("reference").asText(), recorded.get("accessCode").asText());
        assertThat(again.status()).as("claiming again changes nothing").isEqualTo(200);
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'NOTICE_CLAIMED'",
                recorded.get("id").asText())).isEqualTo(1);
        assertThat(api.get("/api/v1/notices").auth(w.appellant().bearer()).send().json().get("items"))
                .extracting(item -> item.get("id").asText()).containsExactly(recorded.get("id").asText());
    }

    @Test
    void aClaimedNoticeCannotBeClaimedByAnotherAccount() {
        JsonNode recorded = recordedNotice();
        claimed(recorded);

        Reply other = claim(w.otherAppellant(), recorded.get("reference").asText(), recorded.get("accessCode").asText());

        assertThat(other.status()).as(other.toString()).isEqualTo(409);
        assertThat(other.body()).doesNotContain(w.appellant().username()).doesNotContain(w.appellant().subject());
        assertThat(api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.otherAppellant().bearer()).send()
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer()).send()
                .status()).isEqualTo(200);
    }

    @Test
    void aWrongCodeAndAnUnknownReferenceGetTheSameAnswer() {
        JsonNode recorded = recordedNotice();

        Reply wrongCode = claim(w.appellant(), recorded.get("reference").asText(), "2222-2222-2222");
        Reply unknownReference = claim(w.appellant(), "N-2222-2222", recorded.get("accessCode").asText());
        Reply notAReference = claim(w.appellant(), "hello", "2222-2222-2222");

        for (Reply reply : List.of(wrongCode, unknownReference, notAReference)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("detail").asText()).isEqualTo(wrongCode.json().get("detail").asText());
        }
        assertThat(count("select count(*) from notice where id = ? and owner_subject is not null",
                UUID.fromString(recorded.get("id").asText()))).isZero();
    }

    @Test
    void afterFiveWrongCodesTheCallerIsLockedOutFor429WithRetryAfterEvenWithTheRightCode() {
        JsonNode recorded = recordedNotice();
        String reference = recorded.get("reference").asText();

        // unknown references count as a known one does
        for (int i = 0; i < 5; i++) {
            String tried = i == 0 ? reference : "N-2222-222" + (i + 2);
            assertThat(claim(w.appellant(), tried, "2222-2222-222" + (i + 2)).status()).isEqualTo(404);
        }
        Reply locked = claim(w.appellant(), reference, recorded.get("accessCode").asText());

        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(3500L, 3600L);
        assertThat(locked.json().get("reason").asText()).isEqualTo("CLAIMS_LOCKED");
        assertThat(count("select count(*) from audit_record where action = 'CLAIMS_LOCKED' and entity_id = ?",
                w.appellant().subject())).isEqualTo(1);

        clock.advance(Duration.ofMinutes(61));
        assertThat(claim(w.appellant(), reference, recorded.get("accessCode").asText()).status()).isEqualTo(201);
    }

    @Test
    void afterThreeWrongCodesOnOneReferenceTheCallerIsLockedOutOfThatReferenceOnly() {
        JsonNode recorded = recordedNotice();
        JsonNode other = recordedNotice();
        String reference = recorded.get("reference").asText();

        for (int i = 0; i < 3; i++) {
            assertThat(claim(w.appellant(), reference, "2222-2222-222" + (i + 2)).status()).isEqualTo(404);
        }

        assertThat(claim(w.appellant(), reference, recorded.get("accessCode").asText()).status()).isEqualTo(429);
        assertThat(claim(w.appellant(), other.get("reference").asText(), other.get("accessCode").asText()).status())
                .as("another reference is still open to them").isEqualTo(201);
        assertThat(claim(w.otherAppellant(), reference, "2222-2222-2225").status()).as("and this one to others").isEqualTo(404);
    }

    @Test
    void twoGriefingAccountsCannotStopTheHolderOfTheCodeFromClaiming() {
        JsonNode recorded = recordedNotice();
        String reference = recorded.get("reference").asText();
        List<Actor> griefers = List.of(guesser(), guesser());

        for (Actor griefer : griefers) {
            for (int i = 0; i < 8; i++) {
                assertThat(claim(griefer, reference, "3333-3333-33" + ALPHABET.charAt(i) + "2").status()).isIn(404, 429);
            }
        }
        assertThat(count("select count(*) from claim_attempt where scope = 'CALLER' and key in (?, ?) and locked_until is not null",
                griefers.get(0).subject(), griefers.get(1).subject())).as("each griefer locked out only themselves").isEqualTo(2);

        Reply owner = claim(w.appellant(), reference, recorded.get("accessCode").asText());

        assertThat(owner.status()).as(owner.toString()).isEqualTo(201);
    }

    @Test
    void aReferenceTriedWithManyWrongCodesIsReportedOnceAndLocksNobodyOut() {
        JsonNode recorded = recordedNotice();
        String reference = recorded.get("reference").asText();

        for (int i = 0; i < 12; i++) {
            Actor guesser = guesser();
            assertThat(claim(guesser, reference, "3333-3333-333" + ALPHABET.charAt(i)).status()).isEqualTo(404);
        }

        assertThat(count("select count(*) from audit_record where action = 'CLAIM_REFERENCE_GUESSED' and entity_id = ?",
                reference)).isEqualTo(1);
        assertThat(claim(guesser(), reference, "3333-3333-3339").status()).as("a fresh caller's code is still checked")
                .isEqualTo(404);
        assertThat(claim(w.appellant(), reference, recorded.get("accessCode").asText()).status()).isEqualTo(201);
    }

    @Test
    void anUnknownReferenceAndAWrongCodeAnswerAlikeBeforeAndAfterEveryLimit() {
        JsonNode recorded = recordedNotice();
        String known = recorded.get("reference").asText();
        String unknown = "N-2222-2222";
        // others make the known reference draw more wrong codes than its threshold, and the unknown one as many
        for (int i = 0; i < 11; i++) {
            claim(guesser(), known, "3333-3333-333" + ALPHABET.charAt(i));
            claim(guesser(), unknown, "3333-3333-333" + ALPHABET.charAt(i));
        }
        Actor triesKnown = guesser();
        Actor triesUnknown = guesser();

        // 3 on one reference, then locked there (the attempt still counts in all); 5 in all, then locked everywhere
        List<Integer> expected = List.of(404, 404, 404, 429, 404, 429, 429);
        for (int i = 0; i < expected.size(); i++) {
            String code = "4444-4444-444" + ALPHABET.charAt(i);
            String reference = i < 4 ? null : "N-3333-33" + ALPHABET.charAt(i) + "2";
            Reply wrongCode = claim(triesKnown, reference == null ? known : reference, code);
            Reply unknownReference = claim(triesUnknown, reference == null ? unknown : reference, code);

            assertThat(wrongCode.status()).as("attempt %d: %s", i + 1, wrongCode).isEqualTo(expected.get(i));
            assertAlike(wrongCode, unknownReference);
        }
    }

    private static void assertAlike(Reply wrongCode, Reply unknownReference) {
        assertThat(unknownReference.status()).isEqualTo(wrongCode.status());
        assertThat(headers(unknownReference)).isEqualTo(headers(wrongCode));
        assertThat(withoutInstance(unknownReference)).isEqualTo(withoutInstance(wrongCode));
    }

    /** The headers, apart from those that differ from one answer to the next whatever it says. */
    private static Map<String, List<String>> headers(Reply reply) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(reply.headers().map());
        headers.keySet().removeAll(List.of("date", "x-correlation-id"));
        return headers;
    }

    private static JsonNode withoutInstance(Reply reply) {
        tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) reply.json();
        // what names this one answer (its path, correlation id and trace) differs whatever it says
        body.remove(List.of("instance", "correlationId", "traceId"));
        return body;
    }

    @Test
    void guessedCodesNeverClaim() {
        JsonNode recorded = recordedNotice();
        String reference = recorded.get("reference").asText();
        SecureRandom random = new SecureRandom();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

        for (int i = 0; i < 60; i++) {
            Actor guesser = i % 20 == 0 ? guesser() : null;
            statuses.merge(claim(guesser == null ? lastGuesser : guesser, reference, randomCode(random)).status(), 1,
                    Integer::sum);
        }

        assertThat(statuses).doesNotContainKeys(200, 201);
        assertThat(statuses.get(404)).as("checked codes: 3 for each of the three accounts").isEqualTo(9);
        assertThat(statuses.get(429)).isEqualTo(51);
        assertThat(count("select count(*) from notice where id = ? and owner_subject is not null",
                UUID.fromString(recorded.get("id").asText()))).isZero();
    }

    @Test
    void parallelGuessesCannotSlipPastTheLimit() throws Exception {
        JsonNode recorded = recordedNotice();
        String reference = recorded.get("reference").asText();
        Actor guesser = guesser();
        List<Future<Integer>> replies = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < 24; i++) {
                String code = "4444-4444-44" + ALPHABET.charAt(i) + ALPHABET.charAt(i + 1);
                replies.add(pool.submit(() -> claim(guesser, reference, code).status()));
            }
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> reply : replies) {
            statuses.add(reply.get());
        }
        assertThat(statuses).as("the caller's limit on one reference").filteredOn(s -> s == 404).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(21);
    }

    @Test
    void anIdempotencyKeyDoesNotBuyMoreGuesses() {
        JsonNode recorded = recordedNotice();
        String reference = recorded.get("reference").asText();

        for (int i = 0; i < 3; i++) {
            Reply reply = api.post("/api/v1/notices/claims", Map.of("reference", reference, "accessCode", "5555-5555-555" + (i + 2)))
                    .auth(w.appellant().bearer()).header("Idempotency-Key", "guess-" + i).send();
            assertThat(reply.status()).isEqualTo(404);
        }
        // each counted attempt is kept as its key's answer: the same key again replays it, another guess under
        // it is refused as a reused key, and a fresh key meets the limit
        Reply replayed = api.post("/api/v1/notices/claims", Map.of("reference", reference, "accessCode", "5555-5555-5552"))
                .auth(w.appellant().bearer()).header("Idempotency-Key", "guess-0").send();
        Reply reused = api.post("/api/v1/notices/claims", Map.of("reference", reference, "accessCode", "5555-5555-5558"))
                .auth(w.appellant().bearer()).header("Idempotency-Key", "guess-0").send();
        Reply fourth = api.post("/api/v1/notices/claims", Map.of("reference", reference, "accessCode", "5555-5555-5558"))
                .auth(w.appellant().bearer()).header("Idempotency-Key", "guess-3").send();

        assertThat(replayed.status()).isEqualTo(404);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(fourth.status()).isEqualTo(429);
    }

    @Test
    void onlyAppellantsClaimAndBlankFieldsAre422WithoutCounting() {
        JsonNode recorded = recordedNotice();
        String reference = recorded.get("reference").asText();
        String code = recorded.get("accessCode").asText();

        assertThat(api.post("/api/v1/notices/claims", Map.of("reference", reference, "accessCode", code)).send().status())
                .isEqualTo(401);
        assertThat(claim(w.colleague(), reference, code).status()).isEqualTo(403);
        assertThat(claim(w.reviewer(), reference, code).status()).isEqualTo(403);
        for (int i = 0; i < 8; i++) {
            Reply blank = api.post("/api/v1/notices/claims", Map.of("reference", reference, "accessCode", " "))
                    .auth(w.appellant().bearer()).send();
            assertThat(blank.status()).isEqualTo(422);
            assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("accessCode");
        }
        assertThat(api.post("/api/v1/notices/claims", "{\"reference\": 12}").auth(w.appellant().bearer()).send().status())
                .isIn(400, 422);
        assertThat(claim(w.appellant(), reference, code).status()).isEqualTo(201);
    }

    private Actor lastGuesser;

    private Actor guesser() {
        lastGuesser = Actor.of("guesser-" + UUID.randomUUID(), null, Role.APPELLANT);
        return lastGuesser;
    }

    private static String randomCode(SecureRandom random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
