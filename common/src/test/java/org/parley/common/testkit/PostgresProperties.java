package org.parley.common.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at a fresh database of its own, and its audit chain's checkpoints
 * at a fresh directory: checkpoints belong to one database's chain, and another test's would not match.
 */
public final class PostgresProperties {

    /** A fresh Ed25519 seed per test run, base64: no signing key is ever written into the repository. */
    private static final String TEST_SIGNING_KEY = java.util.Base64.getEncoder()
            .encodeToString(new java.security.SecureRandom().generateSeed(32));

    private PostgresProperties() {}

    /**
     * The same audit settings as command-line arguments, for an application started by hand: every
     * instance given the same {@code checkpoints} directory shares one chain's checkpoints.
     */
    public static java.util.List<String> auditArguments(String checkpoints) {
        return java.util.List.of("--parley.audit.checkpoints.dir=" + checkpoints,
                "--parley.audit.checkpoints.signing-key=" + TEST_SIGNING_KEY);
    }

    /** A fresh directory for one chain's checkpoints, under target/ when there is one. */
    public static String checkpointDirectory(String prefix) {
        try {
            Path build = Path.of("target");
            return (Files.isDirectory(build) ? Files.createTempDirectory(build, prefix + "-audit-checkpoints")
                    : Files.createTempDirectory(prefix + "-audit-checkpoints")).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void register(DynamicPropertyRegistry registry, String prefix) {
        TestPostgres.Database database = TestPostgres.newDatabase(prefix);
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        String checkpoints = checkpointDirectory(prefix);
        registry.add("parley.audit.checkpoints.dir", () -> checkpoints);
        // outside the demo profile a service has no signing key: the tests make one of their own
        registry.add("parley.audit.checkpoints.signing-key", () -> TEST_SIGNING_KEY);
    }
}
