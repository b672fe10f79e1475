package org.parley.request.events.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.parley.request.events.EventHub;
import org.parley.request.events.EventStreamProperties;
import org.parley.request.events.RequestEventsCommitted;
import org.parley.request.events.domain.EventLog;
import org.parley.request.events.domain.EventSequence;
import org.parley.request.events.domain.RequestEvent;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each instance's ear on the outbox: one PostgreSQL connection of its own (never one of the pool's),
 * on a thread of its own, that {@code LISTEN}s on {@code parley_request_events}. On a notification (and
 * every few seconds regardless, which also proves the connection alive) it reads the events after the
 * last one it handed out and publishes them, in id order, to this instance's open streams, and says
 * so ({@link RequestEventsCommitted}: the relay to the company's systems wakes on it, for events
 * another instance wrote). When the
 * connection drops it reconnects with growing pauses and first catches up on what it missed. Every
 * instance runs one: NOTIFY reaches them all, so any instance serves any stream.
 */
@Component
class PostgresEventListener implements SmartLifecycle, InitializingBean {

    static final String APPLICATION_NAME = "request-service-events";
    private static final Logger log = LoggerFactory.getLogger(PostgresEventListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration SAFETY_READ = Duration.ofSeconds(10);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    private static final int BATCH = 500;

    private final JdbcConnectionDetails database;
    private final EventLog events;
    private final EventHub hub;
    private final EventStreamProperties properties;
    private final java.util.function.Consumer<RequestEventsCommitted> committed;
    private EventSequence sequence;
    private volatile boolean running;
    private volatile Thread thread;

    PostgresEventListener(JdbcConnectionDetails database, EventLog events, EventHub hub, EventStreamProperties properties,
            ApplicationEventPublisher publisher) {
        this.database = database;
        this.events = events;
        this.hub = hub;
        this.properties = properties;
        this.committed = publisher::publishEvent;
    }

    /** Before any stream can open: what is stored already is for replay, what comes next is live. */
    @Override
    public void afterPropertiesSet() {
        sequence = new EventSequence(events.lastId(), properties.gapGrace());
        hub.startAt(sequence.released());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("request-events-listener").unstarted(this::listen);
        thread.start();
    }

    @Override
    public void stop() {
        Thread listening;
        synchronized (this) {
            running = false;
            listening = thread;
            thread = null;
        }
        if (listening != null) {
            listening.interrupt();
            try {
                listening.join(Duration.ofMillis(WAIT_MILLIS * 4L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** This thread's work, until it is no longer the listening thread (stopped, or stopped and started again). */
    private boolean listening() {
        return running && thread == Thread.currentThread();
    }

    private void listen() {
        Duration pause = FIRST_PAUSE;
        boolean lost = false;
        while (listening()) {
            try (Connection listening = connect()) {
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + JdbcEventOutbox.CHANNEL);
                }
                PGConnection pg = listening.unwrap(PGConnection.class);
                read(listening);
                if (lost) {
                    log.info("listening for request events again, caught up to event {}", sequence.released());
                    lost = false;
                }
                pause = FIRST_PAUSE;
                Instant lastRead = Instant.now();
                while (listening()) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    Instant now = Instant.now();
                    boolean gapDue = sequence.gapDeadline().filter(deadline -> !now.isBefore(deadline)).isPresent();
                    if ((notifications != null && notifications.length > 0) || gapDue
                            || Duration.between(lastRead, now).compareTo(SAFETY_READ) >= 0) {
                        read(listening);
                        lastRead = now;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!listening()) {
                    break;
                }
                lost = true;
                log.warn("lost the database connection that listens for request events ({}); reconnecting in {} ms",
                        e.getMessage(), pause.toMillis());
                if (!sleep(pause)) {
                    break;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** Reads and publishes every visible event after the last one handed out, in batches. */
    private void read(Connection listening) throws SQLException {
        while (true) {
            List<RequestEvent> read = after(listening, sequence.released());
            long skippedBefore = sequence.skipped();
            List<RequestEvent> released = sequence.release(read, Instant.now());
            if (sequence.skipped() > skippedBefore) {
                log.warn("gave up {} request event ids that never committed; going on after event {}",
                        sequence.skipped() - skippedBefore, sequence.released());
            }
            if (!released.isEmpty()) {
                hub.publish(released, sequence.released());
                committed.accept(new RequestEventsCommitted(sequence.released()));
            }
            if (read.size() < BATCH || released.size() < read.size()) {
                return;
            }
        }
    }

    private static List<RequestEvent> after(Connection listening, long id) throws SQLException {
        try (PreparedStatement statement = listening.prepareStatement(
                "select " + EventRows.COLUMNS + " from request_event where id > ? order by id limit " + BATCH)) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                List<RequestEvent> read = new ArrayList<>();
                while (rs.next()) {
                    read.add(EventRows.map(rs));
                }
                return read;
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties settings = new Properties();
        if (database.getUsername() != null) {
            settings.setProperty("user", database.getUsername());
        }
        if (database.getPassword() != null) {
            settings.setProperty("password", database.getPassword());
        }
        settings.setProperty("ApplicationName", APPLICATION_NAME);
        settings.setProperty("connectTimeout", "5");
        settings.setProperty("socketTimeout", "30");
        settings.setProperty("tcpKeepAlive", "true");
        Connection opened = DriverManager.getConnection(database.getJdbcUrl(), settings);
        opened.setAutoCommit(true);
        return opened;
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
