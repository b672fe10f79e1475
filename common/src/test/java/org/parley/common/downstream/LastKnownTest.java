package org.parley.common.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.MutableClock;

class LastKnownTest {

    final MutableClock clock = new MutableClock();
    final LastKnown<String, Integer> cache = new LastKnown<>("test-service", Duration.ofSeconds(30), Duration.ofMinutes(10), clock);
    final AtomicInteger fetches = new AtomicInteger();

    Supplier<Integer> answering(int value) {
        return () -> {
            fetches.incrementAndGet();
            return value;
        };
    }

    static Supplier<Integer> failing(Status status) {
        return () -> {
            throw status.asRuntimeException();
        };
    }

    @Test
    void aFreshAnswerIsReusedWithoutAsking() {
        assertThat(cache.get("k", answering(1))).isEqualTo(1);
        clock.advance(Duration.ofSeconds(29));

        assertThat(cache.get("k", answering(2))).isEqualTo(1);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void afterTheTtlTheDownstreamIsAskedAgain() {
        cache.get("k", answering(1));
        clock.advance(Duration.ofSeconds(30));

        assertThat(cache.get("k", answering(2))).isEqualTo(2);
    }

    @Test
    void duringAnOutageTheLastAnswerServesUpToTheMaximumStaleness() {
        cache.get("k", answering(1));
        clock.advance(Duration.ofMinutes(9));

        assertThat(cache.get("k", failing(Status.UNAVAILABLE))).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> cache.get("k", failing(Status.UNAVAILABLE))).isInstanceOf(StatusRuntimeException.class);
        assertThat(cache.peek("k")).contains(1);
    }

    @Test
    void anAnswerAboutTheRequestIsNotMaskedByAnOldValue() {
        cache.get("k", answering(1));
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> cache.get("k", failing(Status.NOT_FOUND))).isInstanceOf(StatusRuntimeException.class);
    }

    @Test
    void nothingKeptNothingServed() {
        assertThatThrownBy(() -> cache.get("k", failing(Status.UNAVAILABLE))).isInstanceOf(StatusRuntimeException.class);
        assertThat(cache.peek("k")).isEmpty();
    }
}
