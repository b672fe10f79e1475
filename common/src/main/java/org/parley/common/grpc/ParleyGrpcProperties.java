package org.parley.common.grpc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing gRPC calls.
 *
 * @param deadline            applied to every call that sets none itself
 * @param serviceClientId     this service's own client (client credentials) for the calls it makes on its
 *                            own account; blank means such calls go without a token (tests without an
 *                            identity provider)
 * @param serviceClientSecret its secret, required with a client: a service without it stops at start
 */
@ConfigurationProperties("parley.grpc")
public record ParleyGrpcProperties(
        @DefaultValue("PT3S") Duration deadline,
        String serviceClientId,
        String serviceClientSecret) {

    public ParleyGrpcProperties {
        if (hasServiceClient(serviceClientId) && (serviceClientSecret == null || serviceClientSecret.isBlank())) {
            throw new IllegalStateException("parley.grpc.service-client-secret is not set: set PARLEY_SERVICE_CLIENT_SECRET"
                    + " to the secret of the client " + serviceClientId + " (PARLEY_SERVICE_CLIENT_ID)");
        }
    }

    public boolean hasServiceClient() {
        return hasServiceClient(serviceClientId);
    }

    private static boolean hasServiceClient(String clientId) {
        return clientId != null && !clientId.isBlank();
    }
}
