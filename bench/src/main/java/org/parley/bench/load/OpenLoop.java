package org.parley.bench.load;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed arrival rate, whatever the answers do: request {@code i} is due at
 * {@code start + i / rate}, and its latency is measured from that intended time, not from when
 * it actually left. A stall therefore shows up in the latencies of every request that should
 * have gone out during it (no coordinated omission). At most {@code maxInFlight} requests are
 * outstanding; a request waiting for a slot is still timed from its due time.
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    public static LoadResult run(String name, double ratePerSecond, Duration duration, int maxInFlight, Call call) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("a rate must be positive");
        }
        long count = Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
        double interval = 1e9 / ratePerSecond;
        Latencies latencies = new Latencies();
        Semaphore slots = new Semaphore(maxInFlight);
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + Math.round(i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquireUninterruptibly();
            long n = i;
            Thread.ofVirtual().start(() -> {
                try {
                    latencies.record(status(call, n), System.nanoTime() - due);
                } finally {
                    slots.release();
                }
            });
        }
        slots.acquireUninterruptibly(maxInFlight);
        return new LoadResult(name, ratePerSecond, Duration.ofNanos(System.nanoTime() - start), latencies);
    }

    static int status(Call call, long sequence) {
        try {
            return call.send(sequence);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            return 0;
        }
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
