package org.parley.request.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.parley.request.lifecycle.domain.AnswerTimes;
import org.parley.request.shared.domain.RequestType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code parley.request.answer.time{type}}: how long the company's clock ran until it answered, as a
 * histogram (buckets from a minute to thirty days; the removal order's hour and a day as objectives).
 * Recorded once the answer has committed: an answer that rolls back was never given.
 */
@Component
class MicrometerAnswerTimes implements AnswerTimes {

    static final String NAME = "parley.request.answer.time";

    /** One per type from the start, so that every series exists (at zero) before the first answer. */
    private final Map<RequestType, Timer> timers = new EnumMap<>(RequestType.class);

    MicrometerAnswerTimes(MeterRegistry registry) {
        for (RequestType type : RequestType.values()) {
            timers.put(type, Timer.builder(NAME)
                    .description("Time the company's clock ran until it answered a request")
                    .tag("type", type.name())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMinutes(1))
                    .maximumExpectedValue(Duration.ofDays(30))
                    .serviceLevelObjectives(Duration.ofHours(1), Duration.ofDays(1))
                    .register(registry));
        }
    }

    @Override
    public void answered(RequestType type, Duration companyTime) {
        if (companyTime == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    timers.get(type).record(companyTime);
                }
            });
        } else {
            timers.get(type).record(companyTime);
        }
    }
}
