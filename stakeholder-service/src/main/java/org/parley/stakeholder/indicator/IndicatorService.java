package org.parley.stakeholder.indicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.stakeholder.indicator.domain.Indicator;
import org.parley.stakeholder.indicator.domain.Measurement;
import org.parley.stakeholder.indicator.domain.MetricsSource;
import org.parley.stakeholder.indicator.domain.MetricsSource.Source;
import org.parley.stakeholder.indicator.domain.SourceReading;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Measures the indicators a company's commitments name, over the trailing period (a year by
 * default), asking each measuring service once per call whatever the number of indicators.
 */
@Service
public class IndicatorService {

    private final Map<Source, MetricsSource> sources = new EnumMap<>(Source.class);
    private final Clock clock;
    private final Duration period;

    public IndicatorService(List<MetricsSource> sources, Clock clock,
            @Value("${parley.indicators.period:P365D}") Duration period) {
        sources.forEach(s -> this.sources.put(s.source(), s));
        this.clock = clock;
        this.period = period;
    }

    public Map<Indicator, Measurement> measure(UUID companyId, Collection<Indicator> indicators) {
        Map<Indicator, Measurement> measured = new EnumMap<>(Indicator.class);
        if (indicators.isEmpty()) {
            return measured;
        }
        Instant to = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(period);
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
