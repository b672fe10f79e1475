package org.parley.portal.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.Apis;
import org.parley.portal.api.EventStream;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.signin.Viewer;
import org.parley.portal.web.Page;
import org.parley.portal.web.PageAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open inbox page's live feed. The portal follows request-service's event stream with
 * the responder's own token and passes each event on as the inbox row it changes, drawn
 * by the inbox's own row template, so the page inserts or replaces it without reloading.
 *
 * <p>The upstream stream ends when the token expires; the browser then reconnects (with the
 * id of the last event it saw), the portal refreshes the token and resumes where it left off.
 */
@RestController
class InboxStream {

    static final String PATH = "/stream/inbox";
    private static final String EVENTS = "/api/v1/requests/events";
    /** Events that change what the inbox shows; the rest concern the authority. */
    private static final Set<String> INBOX_EVENTS = Set.of("REQUEST_RECEIVED", "CLARIFICATION_ANSWERED",
            "REQUEST_WITHDRAWN", "REQUEST_OVERDUE");
    private static final String RESYNC = "REPLAY_INCOMPLETE";
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(InboxStream.class);

    private final Apis apis;
    private final PageAdvice pages;
    private final InboxRowSource rows;
    private final JsonMapper json;

    InboxStream(Apis apis, PageAdvice pages, InboxRowSource rows, JsonMapper json) {
        this.apis = apis;
        this.pages = pages;
        this.rows = rows;
        this.json = json;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter inbox(HttpServletRequest request,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) throws IOException {
        Viewer viewer = Viewer.of(SecurityContextHolder.getContext().getAuthentication());
        if (viewer == null || !viewer.is(Viewer.RESPONDER)) {
            throw new NotFoundPage();
        }
        Api api = apis.current();
        Page page = pages.of(request);
        // no timeout of its own: the upstream stream ends at the latest when the token expires
        SseEmitter emitter = new SseEmitter(0L);
        // commits the response on this thread, before the security filters write their headers on the way out: a
        // first write from the relay's thread raced them
        emitter.send(SseEmitter.event().comment("open"));
        Thread relay = Thread.ofVirtual().name("inbox-stream-" + viewer.username()).unstarted(
                () -> relay(api, page, lastEventId, emitter));
        emitter.onCompletion(relay::interrupt);
        emitter.onError(error -> relay.interrupt());
        relay.start();
        return emitter;
    }

    private void relay(Api api, Page page, String lastEventId, SseEmitter emitter) {
        try {
            ApiResult<Void> result = api.follow(EVENTS, lastEventId, new EventStream.Listener() {
                @Override
                public void event(EventStream.Event event) throws IOException {
                    if (RESYNC.equals(event.name())) {
                        // more was missed than the service replays: the page draws its list anew
                        emitter.send(SseEmitter.event().name("resync").data("{}"));
                        return;
                    }
                    if (event.name() == null || !INBOX_EVENTS.contains(event.name())) {
                        return;
                    }
                    Optional<String> row = requestId(event.data()).flatMap(id -> rows.html(api.again(), page, id));
                    if (row.isPresent()) {
                        emitter.send(SseEmitter.event().id(event.id()).name("request").data(oneLine(row.get())));
                    }
                }

                @Override
                public void position(String id) throws IOException {
                    // passed on, so the browser resumes from here even before its first event
                    emitter.send(SseEmitter.event().id(id).comment("position"));
                }

                @Override
                public void heartbeat() throws IOException {
                    emitter.send(SseEmitter.event().comment("alive"));
                }
            });
            if (!result.ok()) {
                // say when to come back rather than letting the browser hammer a service that is down
                emitter.send(SseEmitter.event().reconnectTime(RETRY.toMillis()).comment("unavailable"));
            }
            emitter.complete();
        } catch (IOException | RuntimeException e) {
            log.debug("inbox stream ended: {}", e.toString());
            emitter.completeWithError(e);
        }
    }

    private Optional<String> requestId(String data) {
        try {
            JsonNode node = json.readTree(data);
            String id = node.path("requestId").asString("");
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A data field holds one line; a table row reads the same with its line breaks as spaces. */
    static String oneLine(String html) {
        return html.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
