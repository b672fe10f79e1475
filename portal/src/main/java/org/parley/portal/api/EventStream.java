package org.parley.portal.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-stream} as the HTML standard defines it: {@code id}, {@code event}
 * and {@code data} lines make an event, a blank line delivers it, a line starting with a colon
 * is a comment (a heartbeat).
 */
public final class EventStream {

    /** One server-sent event; {@code id} and {@code name} may be null. */
    public record Event(String id, String name, String data) {
    }

    /** What a reader of the stream is told. */
    public interface Listener {
        void event(Event event) throws IOException;

        /**
         * An id without data: the sender names the position to resume from, though no event
         * came with it (a browser keeps it as its last event id all the same).
         */
        default void position(String id) throws IOException {
        }

        /** A comment line: the sender is alive. */
        default void heartbeat() throws IOException {
        }
    }

    private EventStream() {
    }

    /** Reads until the stream ends (or the reading thread's stream is closed). */
    public static void read(InputStream body, Listener listener) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String id = null;
        String name = null;
        StringBuilder data = null;
        boolean idInBlock = false;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    listener.event(new Event(id, name, data.toString()));
                } else if (id != null && idInBlock) {
                    listener.position(id);
                }
                idInBlock = false;
                name = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                listener.heartbeat();
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> {
                    id = value;
                    idInBlock = true;
                }
                case "event" -> name = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // "retry" and unknown fields: nothing for a relay to do
                }
            }
        }
    }
}
