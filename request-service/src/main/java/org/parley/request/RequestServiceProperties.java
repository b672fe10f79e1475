package org.parley.request;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of request-service.
 *
 * @param overdueSweepBatch how many overdue requests one sweep transaction marks at most
 * @param subjectRetention  how long a request's subjects are kept once it is final and any gag order has ended
 */
@ConfigurationProperties("parley.request")
public record RequestServiceProperties(
        @DefaultValue("200") int overdueSweepBatch,
        @DefaultValue("P365D") Duration subjectRetention) {

    public RequestServiceProperties {
        if (overdueSweepBatch < 1) {
            throw new IllegalStateException("parley.request.overdue-sweep-batch must be at least 1");
        }
        if (subjectRetention.isNegative() || subjectRetention.isZero()) {
            throw new IllegalStateException("parley.request.subject-retention must be positive");
        }
    }
}
