package org.parley.request;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of request-service.
 *
 * @param overdueSweepBatch how many overdue requests one sweep transaction marks at most
 * @param standardsActiveTtl how long the answer to "which standards version is in force" is trusted
 *                           (a version's content, being immutable, is kept for good)
 */
@ConfigurationProperties("parley.request")
public record RequestServiceProperties(
        @DefaultValue("200") int overdueSweepBatch,
        @DefaultValue("PT30S") Duration standardsActiveTtl) {

    public RequestServiceProperties {
        if (overdueSweepBatch < 1) {
            throw new IllegalStateException("parley.request.overdue-sweep-batch must be at least 1");
        }
    }
}
