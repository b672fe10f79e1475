package org.parley.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventStreamTest {

    private final List<EventStream.Event> events = new ArrayList<>();
    private int heartbeats;
    private final List<String> positions = new ArrayList<>();

    private void read(String stream) throws IOException {
        EventStream.read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), new EventStream.Listener() {
            @Override
            public void event(EventStream.Event event) {
                events.add(event);
            }

            @Override
            public void position(String id) {
                positions.add(id);
            }

            @Override
            public void heartbeat() {
                heartbeats++;
            }
        });
    }

    @Test
    void eventsAreDeliveredAtTheBlankLineWithTheirIdNameAndData() throws IOException {
        read("id: 7\nevent: REQUEST_RECEIVED\ndata: {\"requestId\":\"r1\"}\n\n: keep-alive\n\nid:8\ndata:a\ndata:b\n\n");
        assertThat(events).containsExactly(
                new EventStream.Event("7", "REQUEST_RECEIVED", "{\"requestId\":\"r1\"}"),
                new EventStream.Event("8", null, "a\nb"));
        assertThat(heartbeats).isEqualTo(1);
    }

    @Test
    void anEventCutOffByTheEndOfTheStreamIsNotDelivered() throws IOException {
        read("id: 9\nevent: REQUEST_RECEIVED\ndata: {}");
        assertThat(events).isEmpty();
    }

    @Test
    void aBareIdNamesThePositionToResumeFrom() throws IOException {
        read("id:41\n\nid: 42\nevent: REQUEST_RECEIVED\ndata: {}\n\n");
        assertThat(positions).containsExactly("41");
        assertThat(events).extracting(EventStream.Event::id).containsExactly("42");
    }

    @Test
    void theLastIdCarriesOverToEventsThatNameNone() throws IOException {
        read("id: 3\ndata: x\n\ndata: y\n\n");
        assertThat(events).extracting(EventStream.Event::id).containsExactly("3", "3");
    }
}
