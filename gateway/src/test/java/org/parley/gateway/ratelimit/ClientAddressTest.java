package org.parley.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressTest {

    private static final String PROXIES = "10\\.0\\.0\\.\\d+";

    @Test
    void withoutTrustedProxiesTheForwardedForHeaderMeansNothing() {
        assertThat(new ClientAddress("").of(from("10.0.0.1", "198.51.100.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(new ClientAddress(PROXIES).of(from("192.0.2.9", "198.51.100.1"))).isEqualTo("192.0.2.9");
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressTheProxyAdded() {
        assertThat(new ClientAddress(PROXIES).of(from("10.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void whatTheClientWroteLeftOfTheProxysEntryIsNotBelieved() {
        assertThat(new ClientAddress(PROXIES).of(from("10.0.0.1", "203.0.113.66, 198.51.100.1")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void chainsOfTrustedProxiesAreWalkedFromTheRight() {
        assertThat(new ClientAddress(PROXIES).of(from("10.0.0.1", "203.0.113.66", "198.51.100.1, 10.0.0.7")))
                .isEqualTo("198.51.100.1");
        assertThat(new ClientAddress(PROXIES).of(from("10.0.0.1", "[2001:db8::1], 10.0.0.7")))
                .isEqualTo("2001:db8::1");
    }

    @Test
    void aTrustedPeerWithoutForwardedForIsTheClientItself() {
        assertThat(new ClientAddress(PROXIES).of(from("10.0.0.1"))).isEqualTo("10.0.0.1");
    }

    private static MockServerWebExchange from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/stakeholders")
                .remoteAddress(new InetSocketAddress(peer, 40_000));
        if (forwardedFor.length > 0) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }
}
