package org.parley.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from, as far as it can be believed. The peer of the connection,
 * unless that peer is one of the trusted proxies
 * ({@code spring.cloud.gateway.server.webflux.trusted-proxies}, {@code GATEWAY_TRUSTED_PROXIES}):
 * then {@code X-Forwarded-For} is read from the right, past the trusted proxies, and the first
 * address that is not one of them is the client. The entries to the left of it were written
 * by the client itself and are never believed, so a client cannot pick its own bucket.
 */
@Component
public class ClientAddress {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final TrustedProxies trusted;

    @Autowired
    public ClientAddress(GatewayProperties gateway) {
        this(gateway.getTrustedProxies());
    }

    ClientAddress(String trustedProxies) {
        this.trusted = StringUtils.hasText(trustedProxies) ? TrustedProxies.from(trustedProxies) : host -> false;
    }

    public String of(ServerWebExchange exchange) {
        String peer = peerOf(exchange);
        if (!trusted.isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor(exchange);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!trusted.isTrusted(client)) {
                break;
            }
        }
        return client;
    }

    private static String peerOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    private static List<String> forwardedFor(ServerWebExchange exchange) {
        List<String> hops = new ArrayList<>();
        for (String header : exchange.getRequest().getHeaders().getOrEmpty(X_FORWARDED_FOR)) {
            for (String hop : header.split(",")) {
                String address = hop.trim();
                if (address.startsWith("[") && address.endsWith("]")) {
                    address = address.substring(1, address.length() - 1);
                }
                if (!address.isEmpty()) {
                    hops.add(address);
                }
            }
        }
        return hops;
    }
}
