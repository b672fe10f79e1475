package org.parley.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * As fast as the system answers: {@code connections} clients, each sending its next request as
 * soon as the last one was answered. Finds capacity (throughput at saturation); its latencies
 * are those of a saturated queue and are not what a client at a given rate would see (that is
 * {@link OpenLoop}).
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    public static LoadResult run(String name, int connections, Duration duration, long maxRequests, Call call) {
        Latencies latencies = new Latencies();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            clients.add(Thread.ofVirtual().name(name + "-" + c).start(() -> {
                while (System.nanoTime() < end) {
                    long n = sequence.getAndIncrement();
                    if (n >= maxRequests) {
                        return;
                    }
                    long sent = System.nanoTime();
                    latencies.record(OpenLoop.status(call, n), System.nanoTime() - sent);
                }
            }));
        }
        clients.forEach(OpenLoop::join);
        return new LoadResult(name, 0, Duration.ofNanos(System.nanoTime() - start), latencies);
    }
}
