package org.parley.request.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the request event stream.
 *
 * @param heartbeat     after how long without an event a stream sends a comment, so that the gateway and
 *                      proxies keep it open
 * @param replayWindow  how far back a reconnecting stream replays what it missed
 * @param replayLimit   how many missed events a reconnecting stream replays at most (the newest)
 * @param retention     how long events are kept
 * @param gapGrace      how long the listener waits for an event id missing below a visible one before it
 *                      gives it up (its commit failed)
 * @param streamBuffer  how many events may wait for one slow stream; beyond, the stream is closed and its
 *                      client reconnects and replays
 */
@ConfigurationProperties("parley.request.events")
public record EventStreamProperties(
        @DefaultValue("PT15S") Duration heartbeat,
        @DefaultValue("PT24H") Duration replayWindow,
        @DefaultValue("500") int replayLimit,
        @DefaultValue("P7D") Duration retention,
        @DefaultValue("PT5S") Duration gapGrace,
        @DefaultValue("1000") int streamBuffer) {

    public EventStreamProperties {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalStateException("parley.request.events.heartbeat must be positive");
        }
        if (replayLimit < 1) {
            throw new IllegalStateException("parley.request.events.replay-limit must be at least 1");
        }
        if (retention.compareTo(replayWindow) < 0) {
            throw new IllegalStateException("parley.request.events.retention must be at least the replay window");
        }
        if (streamBuffer < 1) {
            throw new IllegalStateException("parley.request.events.stream-buffer must be at least 1");
        }
    }
}
