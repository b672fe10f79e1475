package org.parley.request.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.parley.common.metrics.CachedFigures;
import org.parley.request.lifecycle.domain.RequestState;
import org.parley.request.shared.domain.RequestType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's figures of request-service as gauges, read from the database at most once per
 * {@code parley.metrics.figures-ttl} (two index scans: partial indexes cover the open requests and
 * the clocks that run, so a scrape never reads closed requests):
 * <ul>
 *   <li>{@code parley.requests.open{type,state}}: requests not yet in a final state, emergency
 *       disclosures awaiting their confirmation included;</li>
 *   <li>{@code parley.requests.overdue{type}}: open requests marked overdue, still unanswered;</li>
 *   <li>{@code parley.removal.orders.due.soon}: removal orders whose hour runs out within the next
 *       15 minutes (not yet past due), for an alert before the deadline rather than after.</li>
 * </ul>
 * Every combination of type and open state is a series of its own, zero included, so that a
 * dashboard or an alert never sees a series vanish.
 */
@Component
class RequestGauges implements MeterBinder {

    static final Duration DUE_SOON = Duration.ofMinutes(15);
    private static final List<RequestState> OPEN = Arrays.stream(RequestState.values()).filter(s -> !s.isFinal()).toList();
    private static final List<String> RUNNING_CLOCK = OPEN.stream().filter(RequestState::isOpen).map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CachedFigures<Figures> figures;

    RequestGauges(JdbcClient jdbc, Clock clock, @Value("${parley.metrics.figures-ttl:PT15S}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.figures = new CachedFigures<>("request figures", this::read, ttl, clock);
    }

    /** What one read finds. */
    record Figures(Map<String, Long> open, Map<RequestType, Long> overdue, long removalOrdersDueSoon) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RequestType type : RequestType.values()) {
            for (RequestState state : OPEN) {
                gauge(registry, "parley.requests.open", "Requests not yet in a final state",
                        f -> f.open().getOrDefault(key(type.name(), state.name()), 0L))
                        .tag("type", type.name()).tag("state", state.name()).register(registry);
            }
            gauge(registry, "parley.requests.overdue", "Open requests past their due time, not yet answered",
                    f -> f.overdue().getOrDefault(type, 0L))
                    .tag("type", type.name()).register(registry);
        }
        gauge(registry, "parley.removal.orders.due.soon",
                "Removal orders whose time to answer runs out within the next 15 minutes",
                Figures::removalOrdersDueSoon).register(registry);
    }

    private Gauge.Builder<CachedFigures<Figures>> gauge(MeterRegistry registry, String name, String description,
            ToDoubleFunction<Figures> value) {
        return Gauge.builder(name, figures, cached -> {
                    Figures now = cached.get();
                    return now == null ? Double.NaN : value.applyAsDouble(now);
                })
                .description(description)
                .strongReference(true);
    }

    private Figures read() {
        Map<String, Long> open = new HashMap<>();
        Map<RequestType, Long> overdue = new EnumMap<>(RequestType.class);
        jdbc.sql("""
                        select type, state, count(*) as open, count(*) filter (where overdue_at is not null) as overdue
                        from government_request
                        where state in (:open)
                        group by type, state""")
                .param("open", OPEN.stream().map(Enum::name).toList())
                .query(rs -> {
                    RequestType type = RequestType.valueOf(rs.getString("type"));
                    open.put(key(type.name(), rs.getString("state")), rs.getLong("open"));
                    overdue.merge(type, rs.getLong("overdue"), Long::sum);
                });
        Instant now = clock.instant();
        long dueSoon = jdbc.sql("""
                        select count(*) from government_request
                        where overdue_at is null and state in (:running) and type = 'REMOVAL_ORDER'
                          and due_at >= :now and due_at < :soon""")
                .param("running", RUNNING_CLOCK)
                .param("now", Timestamp.from(now))
                .param("soon", Timestamp.from(now.plus(DUE_SOON)))
                .query(Long.class).single();
        return new Figures(open, overdue, dueSoon);
    }

    private static String key(String type, String state) {
        return type + "/" + state;
    }
}
