package org.parley.common.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document as clients get it: fetched from the running service, written to
 * {@code target/openapi/<service>.json}, and checked by the OpenAPI linter the repository pins in
 * {@code deploy/openapi/} (Redocly CLI, its rules in {@code redocly.yaml} there).
 *
 * <p>The linter runs on Node.js. Without {@code node} and {@code npm} the check is skipped on a
 * developer's machine and fails under CI ({@code CI=true}), which must have them ({@code .ci/run}
 * installs them). The linter's packages are installed once into {@code deploy/openapi/node_modules}
 * ({@code npm ci}, the versions of its {@code package-lock.json}).
 */
public final class OpenApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long INSTALL_MINUTES = 10;
    private static final long LINT_MINUTES = 3;

    private OpenApiDocuments() {}

    /** Fetches {@code /v3/api-docs}, writes it to {@code target/openapi/<service>.json} and returns it. */
    public static JsonNode fetchAndWrite(ApiClient api, String service) {
        ApiClient.Reply reply = api.get("/v3/api-docs").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode document = reply.json();
        Path file = Path.of("target", "openapi", service + ".json").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return document;
    }

    /** Where {@link #fetchAndWrite} put the service's document. */
    public static Path file(String service) {
        return Path.of("target", "openapi", service + ".json").toAbsolutePath();
    }

    /**
     * Lints the documents with the repository's rules; fails with the linter's report on any error
     * (warnings are printed, not failed).
     */
    public static void lint(Path... documents) {
        Path tools = lintFolder();
        if (!onPath("node") || !onPath("npm")) {
            String why = "node and npm are needed to lint the OpenAPI documents (Debian: apt-get install nodejs npm)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + "; under CI they must be there (.ci/run installs them)");
            }
            Assumptions.abort(why + ": not linted on this machine");
        }
        Path redocly = tools.resolve("node_modules/.bin/redocly");
        installOnce(tools, redocly);
        List<String> command = new ArrayList<>(List.of(redocly.toString(), "lint", "--config",
                tools.resolve("redocly.yaml").toString(), "--format", "stylish"));
        for (Path document : documents) {
            command.add(document.toAbsolutePath().toString());
        }
        Run run = run(command, tools, LINT_MINUTES);
        System.out.println(run.output());
        assertThat(run.exitCode()).as("the OpenAPI linter found errors:%n%s", run.output()).isZero();
    }

    /** {@code npm ci} in the linter's folder unless it was done; one test JVM at a time. */
    private static void installOnce(Path tools, Path redocly) {
        Path lockFile = tools.resolve("node_modules.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (Files.isExecutable(redocly)) {
                return;
            }
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), tools, INSTALL_MINUTES);
            assertThat(install.exitCode()).as("npm ci in %s failed:%n%s", tools, install.output()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the OpenAPI linter in " + tools, e);
        }
    }

    /** {@code deploy/openapi} of the repository this test runs in (found from the module's folder upwards). */
    static Path lintFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/openapi");
            if (Files.isRegularFile(candidate.resolve("package-lock.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/openapi/package-lock.json above " + Path.of("").toAbsolutePath());
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command, Path dir, long minutes) {
        try {
            Path log = Files.createTempFile("openapi-lint", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
                // a check of files: no usage data sent, no look for a newer version
                builder.environment().put("REDOCLY_TELEMETRY", "off");
                builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
                Process process = builder.start();
                if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + minutes + " min");
                }
                return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }
}
