package org.parley.stakeholder.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The hub's figures: deliveries waiting (all instances; refreshed by every poll), the time from an
 * event to its receiver's 2xx, attempts by outcome, mails by outcome.
 */
@Component
class WebhookMetrics {

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final Timer latency;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("parley.webhooks.deliveries.pending", pending, AtomicLong::get)
                .description("Webhook deliveries waiting to be delivered, on every instance")
                .register(registry);
        this.latency = Timer.builder("parley.webhooks.delivery.latency")
                .description("From an event's occurrence to its receiver's 2xx")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    void pending(long count) {
        pending.set(count);
    }

    void delivered(Duration sinceOccurred) {
        latency.record(sinceOccurred.isNegative() ? Duration.ZERO : sinceOccurred);
    }

    /** {@code outcome}: delivered, retry, failed, gone, refused. */
    void attempt(String outcome) {
        Counter.builder("parley.webhooks.attempts").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** {@code outcome}: sent, retry, failed, unsendable. */
    void mail(String outcome) {
        Counter.builder("parley.company.mails").description("Mails to companies' contact points by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
