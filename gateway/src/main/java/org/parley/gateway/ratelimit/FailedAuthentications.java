package org.parley.gateway.ratelimit;

import org.parley.gateway.GatewayProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Counts a refused bearer token against the client address's
 * {@link Budget#FAILED_AUTHENTICATIONS} budget; {@link AddressRateLimitFilter} refuses the
 * address's next tokens unchecked once it is spent.
 */
@Component
public class FailedAuthentications {

    private final ClientBudgets budgets;
    private final ClientAddress address;
    private final boolean enabled;

    public FailedAuthentications(ClientBudgets budgets, ClientAddress address, GatewayProperties properties) {
        this.budgets = budgets;
        this.address = address;
        this.enabled = properties.rateLimit().enabled();
    }

    public Mono<Void> record(ServerWebExchange exchange) {
        return enabled ? budgets.take(Budget.FAILED_AUTHENTICATIONS, address.of(exchange)).then() : Mono.empty();
    }
}
