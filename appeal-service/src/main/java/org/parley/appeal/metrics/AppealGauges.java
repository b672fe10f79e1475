package org.parley.appeal.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parley.appeal.appeals.domain.AppealState;
import org.parley.common.metrics.CachedFigures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's figures of appeal-service as gauges, read from the database at most once per
 * {@code parley.metrics.figures-ttl} (one scan of a partial index holding the open appeals only):
 * <ul>
 *   <li>{@code parley.appeals.open{state}}: appeals waiting for the company's decision (FILED,
 *       IN_REVIEW) or for the independent one (ESCALATED);</li>
 *   <li>{@code parley.appeals.overdue}: appeals the deadline job marked overdue that still wait for
 *       the company's decision.</li>
 * </ul>
 */
@Component
class AppealGauges implements MeterBinder {

    static final List<AppealState> OPEN = List.of(AppealState.FILED, AppealState.IN_REVIEW, AppealState.ESCALATED);

    private final JdbcClient jdbc;
    private final CachedFigures<Figures> figures;

    AppealGauges(JdbcClient jdbc, Clock clock, @Value("${parley.metrics.figures-ttl:PT15S}") Duration ttl) {
        this.jdbc = jdbc;
        this.figures = new CachedFigures<>("appeal figures", this::read, ttl, clock);
    }

    record Figures(Map<AppealState, Long> open, long overdue) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        for (AppealState state : OPEN) {
            Gauge.builder("parley.appeals.open", figures, cached -> value(cached, f -> f.open().getOrDefault(state, 0L)))
                    .description("Appeals waiting for a decision, the company's or the independent one")
                    .tag("state", state.name())
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder("parley.appeals.overdue", figures, cached -> value(cached, Figures::overdue))
                .description("Appeals past their due time still waiting for the company's decision")
                .strongReference(true)
                .register(registry);
    }

    private static double value(CachedFigures<Figures> cached, java.util.function.ToDoubleFunction<Figures> what) {
        Figures now = cached.get();
        return now == null ? Double.NaN : what.applyAsDouble(now);
    }

    private Figures read() {
        Map<AppealState, Long> open = new EnumMap<>(AppealState.class);
        long[] overdue = {0};
        jdbc.sql("""
                        select state, count(*) as open, count(*) filter (where overdue_at is not null) as overdue
                        from appeal
                        where state in (:open)
                        group by state""")
                .param("open", OPEN.stream().map(Enum::name).toList())
                .query(rs -> {
                    AppealState state = AppealState.valueOf(rs.getString("state"));
                    open.put(state, rs.getLong("open"));
                    if (state.awaitsCompanyDecision()) {
                        overdue[0] += rs.getLong("overdue");
                    }
                });
        return new Figures(open, overdue[0]);
    }
}
