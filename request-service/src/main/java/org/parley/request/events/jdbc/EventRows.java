package org.parley.request.events.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.parley.request.events.domain.Audience;
import org.parley.request.events.domain.EventKind;
import org.parley.request.events.domain.RequestEvent;

/** Reading {@code request_event} rows. */
final class EventRows {

    static final String COLUMNS = "id, request_id, recipient_id, audience, kind, created_at";

    private EventRows() {}

    static RequestEvent map(ResultSet rs) throws SQLException {
        return new RequestEvent(
                rs.getLong("id"),
                rs.getObject("request_id", UUID.class),
                rs.getObject("recipient_id", UUID.class),
                Audience.valueOf(rs.getString("audience")),
                EventKind.valueOf(rs.getString("kind")),
                rs.getTimestamp("created_at").toInstant());
    }
}
