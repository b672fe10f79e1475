package org.parley.common.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelFactory;

class DownstreamsTest {

    private static final int CONCURRENT = 2;

    private final List<ManagedChannel> channels = new ArrayList<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT);

    private final Downstream downstream = new Downstreams(
            Map.of("lookup", new DownstreamSettings("in-process:lookup", Duration.ofSeconds(1),
                    new DownstreamSettings.Retry(1, Duration.ofMillis(10), 1),
                    new DownstreamSettings.CircuitBreaker(4, 2, 50, Duration.ofSeconds(30), 1, false),
                    new DownstreamSettings.Bulkhead(CONCURRENT, Duration.ZERO),
                    new DownstreamSettings.Cache(Duration.ZERO, Duration.ZERO))),
            new InProcessChannels(), RetryRegistry.ofDefaults(), CircuitBreakerRegistry.ofDefaults(),
            BulkheadRegistry.ofDefaults(), Duration.ofSeconds(1), Clock.systemUTC()).get("lookup");

    @AfterEach
    void close() {
        callers.shutdownNow();
        channels.forEach(ManagedChannel::shutdownNow);
    }

    @Test
    void callsThisServiceHadNoRoomForDoNotOpenTheBreaker() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(CONCURRENT);
        CountDownLatch answer = new CountDownLatch(1);
        List<Future<String>> slow = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            slow.add(callers.submit(() -> downstream.call(() -> {
                inFlight.countDown();
                await(answer);
                return "answered";
            })));
        }
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> downstream.call(() -> "never called")).isInstanceOf(BulkheadFullException.class);
        }
        answer.countDown();
        for (Future<String> call : slow) {
            assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("answered");
        }

        // a full bulkhead is this service's own limit on waiting, not the downstream failing
        assertThat(downstream.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(downstream.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(downstream.call(() -> "served")).isEqualTo("served");
    }

    @Test
    void aDownstreamThatIsNotServingOpensIt() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> downstream.call(() -> {
                throw Status.UNAVAILABLE.asRuntimeException();
            })).isInstanceOf(StatusRuntimeException.class);
        }

        assertThat(downstream.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Channels to an in-process server that is not there: the calls above never use them. */
    private final class InProcessChannels implements GrpcChannelFactory {
        @Override
        public boolean supports(String target) {
            return true;
        }

        @Override
        public ManagedChannel createChannel(String target, ChannelBuilderOptions options) {
            ManagedChannel channel = InProcessChannelBuilder.forName(target).build();
            channels.add(channel);
            return channel;
        }
    }
}
