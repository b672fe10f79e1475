package org.parley.common.grpc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing gRPC calls.
 *
 * @param deadline            applied to every call that sets none itself
 * @param serviceClientId     this service's own client (client credentials) for calls without a caller;
 *                            unset means such calls go without a token
 * @param serviceClientSecret its secret
 */
@ConfigurationProperties("parley.grpc")
public record ParleyGrpcProperties(
        @DefaultValue("PT3S") Duration deadline,
        String serviceClientId,
        String serviceClientSecret) {}
