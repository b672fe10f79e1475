package org.parley.stakeholder.indicator.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Another Parley service that computes compliance metrics from its own records (a port: the
 * adapter calls its {@code GetComplianceMetrics} over gRPC). Never throws: a source that cannot
 * answer says so in its {@link SourceReading}.
 */
public interface MetricsSource {

    Source source();

    SourceReading read(UUID companyId, Instant from, Instant to);

    /** The services that measure indicators. */
    enum Source {
        /** request-service: how a company answers government requests. */
        REQUESTS,
        /** appeal-service: how a company handles users' appeals. */
        APPEALS
    }
}
