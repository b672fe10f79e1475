package org.parley.common.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * What reading the checkpoints costs a verification: one instance's file of N checkpoints (each
 * line flushed as the service writes it), then read and verified three times.
 *
 * <pre>./mvnw -q -pl common test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.parley.common.audit.AuditCheckpointReadBenchmark [-Dexec.args="20000"]</pre>
 */
public final class AuditCheckpointReadBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("bench-audit-checkpoints");
        AuditCheckpoints checkpoints = new AuditCheckpoints("bench", dir, "one",
                AuditCheckpoints.keyPair(new SecureRandom().generateSeed(32)), List.of(), Clock.systemUTC());
        long start = System.nanoTime();
        for (int position = 1; position <= count; position++) {
            checkpoints.append(position, "ab".repeat(32));
        }
        System.out.printf("written: %d checkpoints in %.1f s, %d bytes%n", count, (System.nanoTime() - start) / 1e9,
                Files.size(dir.resolve("bench.one.jsonl")));
        for (int round = 1; round <= 3; round++) {
            long begin = System.nanoTime();
            int verified = checkpoints.read().verified().size();
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("round %d: %d read and verified in %.2f s (%.0f/s)%n", round, verified, seconds, verified / seconds);
        }
    }

    private AuditCheckpointReadBenchmark() {}
}
