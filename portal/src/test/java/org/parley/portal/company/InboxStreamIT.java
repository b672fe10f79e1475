package org.parley.portal.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.portal.support.PortalTest;
import org.parley.portal.support.StubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The open inbox's live feed: request-service's events, followed with the responder's token,
 * come out as inbox rows drawn by the inbox's own row template.
 */
@PortalTest
class InboxStreamIT extends PortalTest.Base {

    private static final String NEW = "01935a00-0000-7000-8000-0000000000e1";
    private static final String HIDDEN = "01935a00-0000-7000-8000-0000000000e2";


    @BeforeEach
    void resetApi() {
        API.on("GET", "/api/v1/stakeholders", 200, RequestFixtures.STAKEHOLDERS);
        API.on("GET", "/api/v1/requests/" + NEW, 200, RequestFixtures.request(NEW).detail());
        // HIDDEN answers 404: no longer visible to this company, so no row is pushed
    }

    private String stream(String upstream, String lastEventId) throws Exception {
        API.on("GET", "/api/v1/requests/events",
                new StubApi.Answer(200, "text/event-stream", upstream, Map.of()));
        var request = get("/stream/inbox").accept("text/event-stream").cookie(existingSession())
                .with(signedIn("responder-streamly-1", RequestFixtures.COMPANY, "company-responder"));
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        MvcResult started = mvc.perform(request).andExpect(request().asyncStarted()).andReturn();
        started.getAsyncResult(10_000);
        return mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString();
    }

    /**
     * The session of a person who opened the inbox page before its feed, as in a browser: a
     * feed's request then finds its session stored already (and saves it again after the
     * stream, as the real server does), rather than creating one on each of its two dispatches.
     */
    private jakarta.servlet.http.Cookie existingSession() throws Exception {
        var page = mvc.perform(get("/").with(signedIn("responder-streamly-1", RequestFixtures.COMPANY,
                "company-responder"))).andReturn().getResponse();
        assertThat(page.getCookies()).as("the page's session cookie").isNotEmpty();
        return page.getCookies()[0];
    }

    @Test
    void aReceivedRequestIsPushedAsItsInboxRowOnOneLine() throws Exception {
        String feed = stream("id:40\n\n:heartbeat\n\nid:41\nevent:REQUEST_RECEIVED\ndata:{\"requestId\":\"" + NEW
                + "\",\"kind\":\"REQUEST_RECEIVED\",\"at\":\"2026-12-01T10:00:00Z\"}\n\n", null);

        assertThat(feed).as("opened on the request's thread, before the relay writes").startsWith(":open\n");
        assertThat(feed).contains("id:40\n", ":alive");
        assertThat(feed).contains("id:41\nevent:request\ndata:<tr id=\"req-" + NEW + "\"");
        String data = feed.substring(feed.indexOf("data:<tr"));
        assertThat(data.substring(0, data.indexOf('\n'))).as("the row is one data line").endsWith("</tr>");
        var call = API.calls("GET", "/api/v1/requests/events").getFirst();
        assertThat(call.header("Authorization")).isEqualTo("Bearer access-token");
        assertThat(call.header("Accept")).contains("text/event-stream");
    }

    @Test
    void theBrowsersLastEventIdResumesTheUpstreamStream() throws Exception {
        stream("", "41");
        assertThat(API.calls("GET", "/api/v1/requests/events").getFirst().header("Last-Event-ID")).isEqualTo("41");
    }

    @Test
    void eventsForTheAuthorityAndRequestsNoLongerVisiblePushNothing() throws Exception {
        String feed = stream("id:50\nevent:REQUEST_ACKNOWLEDGED\ndata:{\"requestId\":\"" + NEW + "\"}\n\n"
                + "id:51\nevent:REQUEST_WITHDRAWN\ndata:{\"requestId\":\"" + HIDDEN + "\"}\n\n", null);
        assertThat(feed).doesNotContain("<tr");
    }

    @Test
    void whenTheServiceIsDownTheBrowserIsToldToComeBackLater() throws Exception {
        API.on("GET", "/api/v1/requests/events", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        MvcResult started = mvc.perform(get("/stream/inbox").accept("text/event-stream").cookie(existingSession())
                        .with(signedIn("responder-streamly-1", RequestFixtures.COMPANY, "company-responder")))
                .andExpect(request().asyncStarted()).andReturn();
        started.getAsyncResult(10_000);
        String feed = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString();
        assertThat(feed).contains("retry:5000");
    }

    @Test
    void onlyRespondersHaveAnInboxFeed() throws Exception {
        mvc.perform(get("/stream/inbox").accept("text/event-stream")
                        .with(signedIn("liaison-de-1", RequestFixtures.AUTHORITY, "gov-liaison")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/stream/inbox").accept("text/event-stream")).andExpect(status().isUnauthorized());
    }
}
