package org.parley.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;

/** A company works through its requests most urgent first: the listing can give them in that order, page by page. */
class ListingOrderIT extends RequestServiceIT {

    @Test
    void theOrderOfUrgencyPutsThePastDueFirstThenByDueTimeThenTheStoppedClocksThenTheAnswered() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String late = submit(de.liaison(), Bodies.removalOrder(video.id()));
        CLOCK.advance(Duration.ofMinutes(5));
        String waiting = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + waiting + "/acknowledgement", null, video.responder());
        assertThat(post("/api/v1/requests/" + waiting + "/clarifications", Map.of("question", "Which video?"),
                video.responder()).status()).isEqualTo(201);
        CLOCK.advance(Duration.ofMinutes(5));
        String soon = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String withdrawn = submit(de.liaison(), Bodies.removalOrder(video.id()));
        assertThat(post("/api/v1/requests/" + withdrawn + "/withdrawal", null, de.liaison()).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(55));
        String later = submit(de.liaison(), Bodies.removalOrder(video.id()));

        assertThat(walk(video.responder(), "order=URGENCY", 2)).containsExactly(late, soon, later, waiting, withdrawn);
        assertThat(walk(video.responder(), "order=URGENCY", 500)).containsExactly(late, soon, later, waiting, withdrawn);
        assertThat(walk(video.responder(), "order=URGENCY&state=SUBMITTED&state=ACKNOWLEDGED&state=CLARIFICATION_REQUESTED", 2))
                .containsExactly(late, soon, later, waiting);
        assertThat(walk(video.responder(), "", 2)).as("newest first, as before")
                .containsExactly(later, withdrawn, soon, waiting, late);
        assertThat(walk(video.responder(), "order=NEWEST", 500)).containsExactly(later, withdrawn, soon, waiting, late);
        assertThat(api.get("/api/v1/requests?order=SOMEHOW").auth(video.responder()).send().status()).isEqualTo(400);
    }

    /** Every page of a listing, following the page tokens; the ids in the order served. */
    private List<String> walk(String token, String query, int pageSize) {
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            Reply page = api.get("/api/v1/requests?pageSize=" + pageSize + (query.isEmpty() ? "" : "&" + query)
                    + (next == null ? "" : "&pageToken=" + next)).auth(token).send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("id").asString()));
            next = page.json().hasNonNull("nextPageToken") ? page.json().get("nextPageToken").asString() : null;
        } while (next != null);
        return seen;
    }
}
