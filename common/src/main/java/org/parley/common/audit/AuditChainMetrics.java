package org.parley.common.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The last verification of this service's audit chain as gauges, read from memory on every scrape
 * (never the database):
 * <ul>
 *   <li>{@code parley.audit.chain.intact{chain}}: 1 when the chain held at the last verification, 0 when
 *       it did not; NaN before the first (the scheduled one runs two minutes after start);</li>
 *   <li>{@code parley.audit.chain.verified.timestamp{chain}} (seconds since the epoch): when it ended,
 *       so that verifications that stopped happening are seen too; before the first, when this
 *       instance started, so that one that never manages a verification is seen as well.</li>
 * </ul>
 */
public class AuditChainMetrics implements MeterBinder {

    static final String INTACT = "parley.audit.chain.intact";
    static final String VERIFIED = "parley.audit.chain.verified.timestamp";

    private final AuditChain chain;
    private final String name;
    private final double startedAt = System.currentTimeMillis() / 1000.0;

    public AuditChainMetrics(AuditChain chain, String name) {
        this.chain = chain;
        this.name = name;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(INTACT, chain, c -> c.lastVerified().map(v -> v.verification().valid() ? 1.0 : 0.0).orElse(Double.NaN))
                .description("1 when the audit chain held at its last verification, 0 when it did not")
                .tag("chain", name)
                .strongReference(true)
                .register(registry);
        Gauge.builder(VERIFIED, chain, c -> c.lastVerified().map(v -> v.at().toEpochMilli() / 1000.0).orElse(startedAt))
                .description("When the last verification of the audit chain ended")
                .baseUnit("seconds")
                .tag("chain", name)
                .strongReference(true)
                .register(registry);
    }
}
