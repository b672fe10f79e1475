package org.parley.request.events.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.parley.common.kernel.Caller;
import org.parley.request.events.EventService;
import org.parley.request.events.domain.RequestEvent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** The request event stream as server-sent events, for the portal's inbox. */
@Tag(name = "Request events")
@RestController
class EventStreamController {

    static final String PATH = "/api/v1/requests/events";
    static final String REPLAY_INCOMPLETE = "REPLAY_INCOMPLETE";
    /** Only if the token had no expiry, which Keycloak's always have. */
    private static final Duration WITHOUT_EXPIRY = Duration.ofMinutes(5);
    /** The container's own timeout is only a backstop behind the stream's end at the token's expiry. */
    private static final Duration BACKSTOP = Duration.ofSeconds(30);

    private final EventService streams;
    private final JsonMapper json;

    EventStreamController(EventService streams, JsonMapper json) {
        this.streams = streams;
        this.json = json;
    }

    @Operation(operationId = "streamRequestEvents", summary = "Stream the caller's request events",
            description = """
                    Server-sent events for the caller's own stakeholder: a liaison hears what their authority must \
                    learn (CONFIRMATION_NEEDED, REQUEST_ACKNOWLEDGED, CLARIFICATION_REQUESTED, REQUEST_ANSWERED, \
                    REQUEST_OVERDUE), a responder what their company must (REQUEST_RECEIVED, CLARIFICATION_ANSWERED, \
                    REQUEST_WITHDRAWN, REQUEST_OVERDUE). Each event is `id: <event id>`, `event: <kind>`, \
                    `data: {"requestId", "kind", "at"}`: ids only; fetch the request for its content. With \
                    `Last-Event-ID` (or `after`) the events missed since then are replayed first (at most the last \
                    24 hours and 500 events; `REPLAY_INCOMPLETE` says when more were missed), then new ones follow. \
                    The stream opens with a comment and an `id:` line to resume from, sends a comment after 15 s of \
                    silence and ends when the access token expires: reconnect with a fresh token and the last id \
                    seen.""")
    @ApiResponse(responseCode = "200", description = "the stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(Caller caller,
            @Parameter(description = "the id of the last event seen; sent by a reconnecting EventSource")
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
            @Parameter(description = "the id of the last event seen, for clients that cannot set headers")
            @RequestParam(required = false) Long after) throws IOException {
        Instant expiresAt = expiry();
        SseEmitter emitter = new SseEmitter(Math.max(1, Duration.between(Instant.now(), expiresAt).plus(BACKSTOP).toMillis()));
        // sent before the stream's own thread writes: it commits the response on this thread, before the security
        // filters write their headers on the way out; a first write from the stream's thread raced them
        emitter.send(SseEmitter.event().comment("open"));
        EventService.Stream stream = streams.open(caller, lastEventId != null ? lastEventId : after, expiresAt,
                new SseSink(emitter));
        emitter.onCompletion(stream::cancel);
        emitter.onError(e -> stream.cancel());
        emitter.onTimeout(() -> {
            stream.cancel();
            emitter.complete();
        });
        return ResponseEntity.ok()
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    /** When the caller's access token expires. */
    private static Instant expiry() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.getToken().getExpiresAt() != null) {
            return token.getToken().getExpiresAt();
        }
        return Instant.now().plus(WITHOUT_EXPIRY);
    }

    /** The JSON of one event: ids, kind and time only. */
    record EventData(String requestId, String kind, String at) {}

    private final class SseSink implements EventService.Sink {

        private final SseEmitter emitter;

        SseSink(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void event(RequestEvent event) throws IOException {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(event.id()))
                    .name(event.kind().name())
                    .data(json.writeValueAsString(
                            new EventData(event.requestId().toString(), event.kind().name(), event.at().toString()))));
        }

        @Override
        public void position(long id) throws IOException {
            emitter.send(SseEmitter.event().id(Long.toString(id)));
        }

        @Override
        public void replayIncomplete(Instant at) throws IOException {
            emitter.send(SseEmitter.event()
                    .name(REPLAY_INCOMPLETE)
                    .data(json.writeValueAsString(new EventData(null, REPLAY_INCOMPLETE, at.toString()))));
        }

        @Override
        public void heartbeat() throws IOException {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        }

        @Override
        public void close() {
            emitter.complete();
        }
    }
}
