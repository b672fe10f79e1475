package org.parley.local;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization the way a platform team applies it: {@code kubectl kustomize DIR}, run as a
 * process. Without a kubectl whose kustomize is v5 or newer, the checks cannot run: in CI
 * ({@code CI=true}) that fails the test, elsewhere it skips it, saying why.
 */
final class Kustomize {

    /** kubectl 1.27 and newer carry kustomize v5; the manifests use its syntax (labels, inline patches). */
    static final int MIN_MAJOR = 5;
    private static final Pattern VERSION = Pattern.compile("\"kustomizeVersion\"\\s*:\\s*\"v(\\d+)\\.(\\d+)[^\"]*\"");
    private static final Map<Path, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The objects the kustomization in {@code directory} renders to; rendered once per test run. */
    static List<Map<String, Object>> render(Path directory) {
        String kubectl = kubectl();
        return RENDERED.computeIfAbsent(directory, dir -> {
            Run run = run(List.of(kubectl, "kustomize", dir.toString()));
            if (run.exit != 0) {
                fail("kubectl kustomize " + dir + " failed (" + run.exit + "):\n" + run.err);
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(run.out)) {
                if (doc != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = (Map<String, Object>) doc;
                    objects.add(object);
                }
            }
            return List.copyOf(objects);
        });
    }

    private static volatile String kubectl;

    private static String kubectl() {
        if (kubectl != null) {
            return kubectl;
        }
        Optional<String> found = Optional.ofNullable(System.getenv("KUBECTL")).or(Kustomize::onPath);
        if (found.isEmpty()) {
            unavailable("kubectl is not on the PATH (set KUBECTL to use another); .ci/run installs it");
        }
        if (!Files.isExecutable(Path.of(found.get()))) {
            unavailable("KUBECTL names " + found.get() + ", which is not an executable file");
        }
        Run version = run(List.of(found.get(), "version", "--client", "-o", "json"));
        Matcher m = VERSION.matcher(version.out);
        if (version.exit != 0) {
            unavailable(found.get() + " version --client failed: " + version.out + version.err);
        }
        if (!m.find()) {
            // kubectl before 1.24 does not name its kustomize, which is v4 or older
            Matcher git = Pattern.compile("\"gitVersion\"\\s*:\\s*\"([^\"]+)\"").matcher(version.out);
            unavailable(found.get() + " is kubectl " + (git.find() ? git.group(1) : "of an unknown version")
                    + ", whose kustomize is older than v" + MIN_MAJOR + "; deploy/k8s needs kubectl 1.27 or newer");
        }
        if (Integer.parseInt(m.group(1)) < MIN_MAJOR) {
            unavailable(found.get() + " carries kustomize v" + m.group(1) + "." + m.group(2) + "; deploy/k8s needs v"
                    + MIN_MAJOR + " or newer (kubectl 1.27 or newer)");
        }
        kubectl = found.get();
        return kubectl;
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("cannot render deploy/k8s: " + why);
        }
        Assumptions.abort("not rendering deploy/k8s: " + why);
    }

    private static Optional<String> onPath() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> command) {
        try {
            Path err = Files.createTempFile("kubectl", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within 60 s");
                }
                return new Run(process.exitValue(), out, Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            fail("cannot run " + String.join(" ", command) + ": " + e.getMessage());
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
