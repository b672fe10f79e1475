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
    private static final String CHECK = "render deploy/k8s";
    private static final Pattern VERSION = Pattern.compile("\"kustomizeVersion\"\\s*:\\s*\"v(\\d+)\\.(\\d+)[^\"]*\"");
    private static final Map<Path, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The objects the kustomization in {@code directory} renders to; rendered once per test run. */
    static List<Map<String, Object>> render(Path directory) {
        String kubectl = kubectl();
        return RENDERED.computeIfAbsent(directory, dir -> {
            ExternalTool.Run run = ExternalTool.run(null, List.of(kubectl, "kustomize", dir.toString()));
            if (run.exit() != 0) {
                fail("kubectl kustomize " + dir + " failed (" + run.exit() + "):\n" + run.err());
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(run.out())) {
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
        String found = ExternalTool.find("KUBECTL", "kubectl", CHECK, ".ci/run installs it");
        ExternalTool.Run version = ExternalTool.run(null, List.of(found, "version", "--client", "-o", "json"));
        Matcher m = VERSION.matcher(version.out());
        if (version.exit() != 0) {
            ExternalTool.unavailable(CHECK, found + " version --client failed: " + version.out() + version.err());
        }
        if (!m.find()) {
            // kubectl before 1.24 does not name its kustomize, which is v4 or older
            Matcher git = Pattern.compile("\"gitVersion\"\\s*:\\s*\"([^\"]+)\"").matcher(version.out());
            ExternalTool.unavailable(CHECK, found + " is kubectl " + (git.find() ? git.group(1) : "of an unknown version")
                    + ", whose kustomize is older than v" + MIN_MAJOR + "; deploy/k8s needs kubectl 1.27 or newer");
        }
        if (Integer.parseInt(m.group(1)) < MIN_MAJOR) {
            ExternalTool.unavailable(CHECK, found + " carries kustomize v" + m.group(1) + "." + m.group(2) + "; deploy/k8s needs v"
                    + MIN_MAJOR + " or newer (kubectl 1.27 or newer)");
        }
        kubectl = found;
        return kubectl;
    }
}
