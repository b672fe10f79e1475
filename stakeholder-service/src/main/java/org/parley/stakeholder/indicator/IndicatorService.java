package org.parley.stakeholder.indicator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.common.transparency.CalendarPeriod;
import org.parley.stakeholder.indicator.domain.Indicator;
import org.parley.stakeholder.indicator.domain.Measurement;
import org.parley.stakeholder.indicator.domain.MetricsSource;
import org.parley.stakeholder.indicator.domain.MetricsSource.Source;
import org.parley.stakeholder.indicator.domain.SourceReading;
import org.springframework.stereotype.Service;

/**
 * Measures the indicators a company's commitments name, over the latest whole calendar quarter that
 * is over, asking each measuring service once per call whatever the number of indicators. Not a
 * trailing window: one that moved every day would turn the day-by-day change of its sample into
 * each day's count, which the public figures never give.
 */
@Service
public class IndicatorService {

    private final Map<Source, MetricsSource> sources = new EnumMap<>(Source.class);
    private final Clock clock;

    public IndicatorService(List<MetricsSource> sources, Clock clock) {
        sources.forEach(s -> this.sources.put(s.source(), s));
        this.clock = clock;
    }

    public Map<Indicator, Measurement> measure(UUID companyId, Collection<Indicator> indicators) {
        Map<Indicator, Measurement> measured = new EnumMap<>(Indicator.class);
        if (indicators.isEmpty()) {
            return measured;
        }
        CalendarPeriod quarter = CalendarPeriod.latestEnded(CalendarPeriod.Unit.QUARTER,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Instant from = quarter.first().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = quarter.end().atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Source, SourceReading> readings = new EnumMap<>(Source.class);
        for (Indicator indicator : indicators) {
            SourceReading reading = readings.computeIfAbsent(indicator.source(), source -> {
                MetricsSource metrics = sources.get(source);
                return metrics == null ? SourceReading.notImplemented() : metrics.read(companyId, from, to);
            });
            measured.put(indicator, Measurement.of(indicator, reading, from, to));
        }
        return measured;
    }
}
