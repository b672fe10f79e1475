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

    /**
     * What every Parley document promises its clients: the gateway as its one server, OAuth 2 against the
     * realm that issues the tokens, a summary, an id and a tag on every operation, and every error answer
     * in the problem shape.
     */
    public static void assertComplete(JsonNode document, String gatewayUrl, String issuer) {
        assertThat(document.at("/servers").size()).isEqualTo(1);
        assertThat(document.at("/servers/0/url").asString()).isEqualTo(gatewayUrl);
        assertThat(document.at("/info/version").asString()).as("the project's version").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(document.at("/info/title").asString()).startsWith("Parley ");
        JsonNode flow = document.at("/components/securitySchemes/keycloak/flows/authorizationCode");
        assertThat(flow.path("authorizationUrl").asString()).isEqualTo(issuer + "/protocol/openid-connect/auth");
        assertThat(flow.path("tokenUrl").asString()).isEqualTo(issuer + "/protocol/openid-connect/token");
        assertThat(document.at("/security/0").has("keycloak")).isTrue();
        List<String> tags = new ArrayList<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asString()));
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String where = entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            assertThat(operation.path("summary").asString()).as(where).isNotBlank();
            assertThat(operation.path("operationId").asString()).as(where).matches("[a-z][A-Za-z]+");
            assertThat(operation.path("tags").size()).as(where).isEqualTo(1);
            assertThat(tags).as(where + ": its tag is described").contains(operation.path("tags").get(0).asString());
            operation.path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode answer = response.getValue().has("$ref")
                            ? document.at(response.getValue().get("$ref").asString().substring(1)) : response.getValue();
                    assertThat(answer.at("/content/application~1problem+json/schema/$ref").asString())
                            .as(where + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
                }
            });
        }));
    }

    /** The answer is a problem as the document's {@code Problem} schema describes it: no member it does not name. */
    public static void assertDescribedProblem(JsonNode document, ApiClient.Reply reply) {
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        JsonNode schema = document.at("/components/schemas/Problem");
        JsonNode body = reply.json();
        schema.path("required").forEach(member -> assertThat(body.has(member.asString()))
                .as("%s in %s", member.asString(), reply).isTrue());
        body.propertyNames().forEach(member -> assertThat(schema.path("properties").has(member))
                .as("the Problem schema describes %s of %s", member, reply).isTrue());
        JsonNode fieldError = document.at("/components/schemas/FieldError/properties");
        body.path("errors").forEach(error -> error.propertyNames().forEach(member ->
                assertThat(fieldError.has(member)).as("FieldError describes %s", member).isTrue()));
        assertThat(body.path("status").asInt()).isEqualTo(reply.status());
    }

    /** The value of a request example of an operation, to send it as a client would. */
    public static java.util.Map<String, Object> requestExample(JsonNode document, String operationId, String name) {
        for (JsonNode path : document.path("paths")) {
            for (JsonNode operation : path) {
                if (operationId.equals(operation.path("operationId").asString())) {
                    JsonNode value = operation.at("/requestBody/content/application~1json/examples/" + name + "/value");
                    assertThat(value.isMissingNode()).as("%s has the request example %s", operationId, name).isFalse();
                    return JSON.convertValue(value, new tools.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {});
                }
            }
        }
        throw new AssertionError("no operation " + operationId);
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
