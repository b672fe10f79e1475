package org.parley.gateway.ratelimit;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parley.gateway.GatewayProperties;

/**
 * Which client class ({@code parley.gateway.rate-limit.classes}) a token belongs to: the
 * first class, largest budget first, that names one of the token's realm roles or its client
 * ({@code azp}). The order is the settings' own, not the order they were written in, because
 * a map merged from application.yml and the environment has none that can be relied on.
 */
public final class ClientClasses {

    /** Largest budget first: highest steady rate, then largest burst, then by name. */
    static final Comparator<Map.Entry<String, GatewayProperties.ClientClass>> LARGEST_BUDGET_FIRST =
            Comparator.<Map.Entry<String, GatewayProperties.ClientClass>>comparingDouble(
                            entry -> entry.getValue().refillPerSecond()).reversed()
                    .thenComparing(Comparator.<Map.Entry<String, GatewayProperties.ClientClass>>comparingInt(
                            entry -> entry.getValue().capacity()).reversed())
                    .thenComparing(Map.Entry::getKey);

    private final List<Map.Entry<String, GatewayProperties.ClientClass>> classes;

    ClientClasses(Map<String, GatewayProperties.ClientClass> classes) {
        this.classes = classes.entrySet().stream().sorted(LARGEST_BUDGET_FIRST).toList();
    }

    /**
     * The name of the class a token belongs to, none for the default budget.
     *
     * @param realmRoles the token's realm roles, e.g. {@code company-responder}
     * @param client     the client the token was issued to ({@code azp}), or {@code null}
     */
    public Optional<String> of(Collection<String> realmRoles, String client) {
        for (Map.Entry<String, GatewayProperties.ClientClass> entry : classes) {
            GatewayProperties.ClientClass clientClass = entry.getValue();
            if (client != null && clientClass.clients().contains(client)
                    || clientClass.roles().stream().anyMatch(realmRoles::contains)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** The classes, largest budget first. */
    List<Map.Entry<String, GatewayProperties.ClientClass>> byBudget() {
        return classes;
    }
}
