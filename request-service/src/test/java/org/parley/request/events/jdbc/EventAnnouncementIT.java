package org.parley.request.events.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.request.events.domain.EventKind;
import org.parley.request.events.domain.EventOutbox;
import org.parley.request.events.domain.Notice;
import org.parley.request.support.RequestServiceIT;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the outbox announces, as a listener on PostgreSQL's channel hears it: once a change has committed, the
 * highest event id it wrote; nothing for a change that rolls back. (The listeners also poll, so the delivery tests
 * alone would pass without any announcement; this one would not.)
 */
class EventAnnouncementIT extends RequestServiceIT {

    private static final int HEARING_MILLIS = 3_000;

    @Autowired
    EventOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    private Connection listener;

    @BeforeEach
    void listen() throws SQLException {
        listener = dataSource.getConnection();
        try (Statement listen = listener.createStatement()) {
            listen.execute("listen " + JdbcEventOutbox.CHANNEL);
        }
    }

    @AfterEach
    void stopListening() throws SQLException {
        listener.close();
    }

    @Test
    void aCommittedChangeIsAnnouncedWithTheHighestIdItWrote() throws SQLException {
        UUID company = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> outbox.tell(UUID.randomUUID(), List.of(
                Notice.toCompany(company, EventKind.REQUEST_RECEIVED), Notice.toCompany(company, EventKind.REQUEST_RECEIVED))));
        long highest = jdbc.sql("select max(id) from request_event where recipient_id = :company")
                .param("company", company).query(Long.class).single();

        assertThat(heard()).contains(Long.toString(highest));
    }

    @Test
    void aChangeThatRollsBackIsNotAnnounced() throws SQLException {
        transactions.executeWithoutResult(tx -> {
            outbox.tell(UUID.randomUUID(), List.of(Notice.toCompany(UUID.randomUUID(), EventKind.REQUEST_RECEIVED)));
            tx.setRollbackOnly();
        });

        assertThat(heard()).isEmpty();
    }

    /** The payloads heard on the channel within a few seconds. */
    private List<String> heard() throws SQLException {
        List<String> payloads = new ArrayList<>();
        long until = System.currentTimeMillis() + HEARING_MILLIS;
        PGConnection pg = listener.unwrap(PGConnection.class);
        while (System.currentTimeMillis() < until) {
            PGNotification[] notifications = pg.getNotifications(200);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    payloads.add(n.getParameter());
                }
            }
        }
        return payloads;
    }
}
