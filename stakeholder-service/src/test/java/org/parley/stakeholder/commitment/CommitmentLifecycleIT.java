package org.parley.stakeholder.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A commitment's life over HTTP: legal moves, stale copies, a target date that moves, and the
 * lapse of an open pledge whose date has passed.
 */
class CommitmentLifecycleIT extends PledgingCompany {

    @Autowired
    CommitmentLapse lapse;

    @Test
    void aCommitmentMovesThroughItsLifecycleOverHttpAndIllegalMovesAre409() {
        String id = pledge("OSP-1");

        assertThat(status(id, "IMPLEMENTED").status()).as("skipping IN_PROGRESS").isEqualTo(409);
        Reply started = status(id, "IN_PROGRESS");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.header("ETag")).isEqualTo("\"1\"");
        assertThat(status(id, "IMPLEMENTED").json().get("status").asString()).isEqualTo("IMPLEMENTED");
        Reply back = status(id, "IN_PROGRESS");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().get("reason").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(status(id, "WITHDRAWN").status()).isEqualTo(200);
        assertThat(status(id, "PLEDGED").status()).isEqualTo(409);
        assertThat(audited("COMMITMENT_STATUS_CHANGED", id)).isEqualTo(3);
        assertThat(api.patch("/api/v1/commitments/" + id, Map.of("status", "FORGOTTEN")).auth(responder).send().status()).isEqualTo(400);
    }

    @Test
    void aChangeOnAStaleCopyIs409() {
        String id = pledge("OSP-1");
        status(id, "IN_PROGRESS");

        Reply stale = api.patch("/api/v1/commitments/" + id, Map.of("status", "WITHDRAWN")).auth(responder)
                .header("If-Match", "\"0\"").send();

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("reason").asString()).isEqualTo("VERSION_CONFLICT");
        assertThat(api.patch("/api/v1/commitments/" + id, Map.of("status", "WITHDRAWN")).auth(responder)
                .header("If-Match", "\"1\"").send().status()).isEqualTo(200);
    }

    @Test
    void anOpenCommitmentsTargetDateMovesButNotIntoThePast() {
        String id = pledge("OSP-1");
        String later = clock.today().plusYears(1).toString();

        Reply moved = api.patch("/api/v1/commitments/" + id, Map.of("targetDate", later)).auth(responder).send();
        assertThat(moved.json().get("targetDate").asString()).isEqualTo(later);
        assertThat(audited("COMMITMENT_TARGET_DATE_CHANGED", id)).isEqualTo(1);

        Reply past = api.patch("/api/v1/commitments/" + id, Map.of("targetDate", clock.today().minusDays(1).toString()))
                .auth(responder).send();
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("targetDate");
        Reply garbled = api.patch("/api/v1/commitments/" + id, Map.of("targetDate", "next spring")).auth(responder).send();
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().get("errors").get(0).get("field").asString()).isEqualTo("targetDate");
    }

    @Test
    void anOpenPledgeLapsesOnceItsTargetDatePassesAndAnImplementedOneDoesNot() {
        String open = pledge("OSP-1");
        String done = pledge("OSP-2");
        status(done, "IN_PROGRESS");
        status(done, "IMPLEMENTED");

        clock.advance(Duration.ofDays(200));
        int lapsed = lapse.lapseOverdue();

        assertThat(lapsed).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/commitments/" + open).send().json().get("status").asString()).isEqualTo("LAPSED");
        assertThat(api.get("/api/v1/commitments/" + done).send().json().get("status").asString()).isEqualTo("IMPLEMENTED");
        assertThat(audited("COMMITMENT_LAPSED", open)).isEqualTo(1);
        assertThat(lapse.lapseOverdue()).isZero();
    }
}
