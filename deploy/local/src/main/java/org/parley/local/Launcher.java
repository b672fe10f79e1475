package org.parley.local;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The program behind {@code ./parley run}: starts the platform, prints where to go, runs until Ctrl-C. */
public final class Launcher {

    private Launcher() {
    }

    /** Arguments: {@code --services=gateway,...} starts only those of the platform's own processes. */
    public static void main(String[] args) {
        Options options = Options.fromEnvironment();
        for (String arg : args) {
            if (arg.startsWith("--services=")) {
                options = options.withServices(List.of(arg.substring("--services=".length()).split(",")));
            } else {
                System.err.println("usage: parley-local [--services=" + String.join(",", Topology.SERVICES) + "]");
                System.exit(2);
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // made before it starts, so that Ctrl-C during the start stops what is already running
        ParleyPlatform platform = new ParleyPlatform(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "parley-shutdown"));
        try {
            platform.startAll();
        } catch (StartupException e) {
            System.err.println();
            System.err.println("[parley] cannot start: " + e.getMessage());
            platform.close();
            System.exit(1);
        }
        System.out.println(Banner.text(platform, options));
        platform.watch();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
