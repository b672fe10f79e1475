package org.parley.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.parley.bench.anchor.PgBench;
import org.parley.bench.scenario.AppealScenario;
import org.parley.bench.scenario.ArchiveScenario;
import org.parley.bench.scenario.AuditScenario;
import org.parley.bench.scenario.DevProfileComparison;
import org.parley.bench.scenario.NoticesScenario;
import org.parley.bench.scenario.GatewayScenario;
import org.parley.bench.scenario.MemoryScenario;
import org.parley.bench.scenario.ProfileScenario;
import org.parley.bench.scenario.ReadScenario;
import org.parley.bench.scenario.SoakScenario;
import org.parley.bench.scenario.StartupScenario;
import org.parley.bench.scenario.SubmitScenario;
import org.parley.bench.scenario.TransparencyScenario;
import org.parley.bench.scenario.WarmUpScenario;
import org.parley.bench.scenario.WebhookScenario;
import org.parley.local.PlatformProfile;
import org.parley.local.Options;
import org.parley.local.ParleyPlatform;
import org.parley.local.Topology;

/**
 * {@code ./parley bench [--smoke] [scenario ...]}: starts the platform through the launcher in
 * the production profile, runs the scenarios (all unless named) with their anchors in the same
 * run, then — in a full run of everything — the submit and read capacities again on the dev
 * profile, and prints the table of goals and results. The report and the flame graphs go to
 * {@code target/parley-bench/<mode>/}. Nothing here fails on a missed goal: the bench measures,
 * it does not assert; it fails only when a scenario could not run.
 */
public final class Bench {

    /**
     * In the order they run: the JIT warmed up first; the soak while every service still runs as
     * warmed up; then what restarts services (profiles, starts); memory last, after everything.
     */
    public static final List<Scenario> SCENARIOS = List.of(new WarmUpScenario(), new SubmitScenario(),
            new ReadScenario(), new GatewayScenario(), new SoakScenario(), new TransparencyScenario(),
            new ArchiveScenario(), new AuditScenario(), new AppealScenario(), new WebhookScenario(), new NoticesScenario(),
            new ProfileScenario(), new StartupScenario(),
            new MemoryScenario());

    /**
     * The gateway's budgets for the bench's callers. Limits stay on: the liaisons that send are
     * distinct clients of a class with a budget sized for a machine-to-machine integration.
     */
    static final Map<String, String> GATEWAY_CLIENT_CLASSES = Map.of(
            "PARLEY_GATEWAY_RATELIMIT_CLASSES_BENCHLIAISON_ROLES", "gov-liaison",
            "PARLEY_GATEWAY_RATELIMIT_CLASSES_BENCHLIAISON_CAPACITY", "20000",
            "PARLEY_GATEWAY_RATELIMIT_CLASSES_BENCHLIAISON_REFILLPERSECOND", "10000");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.FULL;
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if ("--smoke".equals(arg)) {
                mode = Mode.SMOKE;
            } else if (arg.startsWith("-")) {
                System.err.println("usage: ./parley bench [--smoke] [scenario ...]; scenarios: " + scenarioNames());
                System.exit(2);
            } else {
                names.add(arg);
            }
        }
        Report report = run(mode, select(names), Path.of("target", "parley-bench", mode.name()));
        System.out.println();
        System.out.println(report.table());
        if (!report.failures().isEmpty()) {
            System.err.println("scenarios that could not run: " + report.failures());
            System.exit(1);
        }
    }

    /** Runs the scenarios and writes the report; answers it. */
    public static Report run(Mode mode, List<Scenario> scenarios, Path output) throws Exception {
        // absolute: the platform's processes run in the repository, not where the bench was started
        Path outputDir = output.toAbsolutePath().normalize();
        Files.createDirectories(outputDir);
        Report report = new Report();
        describeMachine(report, mode, scenarios);
        Options options = Options.fromEnvironment().withFreshData(true)
                .withLogDir(outputDir.resolve("logs").toAbsolutePath())
                .withProfile(PlatformProfile.PRODUCTION)
                .withSettings(GATEWAY_CLIENT_CLASSES);
        report.context("gateway: rate limits on; the sending liaisons (" + Liaisons.count() + " distinct clients) "
                + "in a client class of 10,000/s each, burst 20,000");
        report.context("profile: production (" + PlatformProfile.PRODUCTION.description() + "); Keycloak with its own settings");
        long t0 = System.nanoTime();
        BenchRun run;
        try (ParleyPlatform platform = stoppedOnExit(ParleyPlatform.start(options))) {
            report.context("platform ready in " + seconds(System.nanoTime() - t0) + " s");
            run = new BenchRun(platform, PlatformProfile.PRODUCTION, mode, report, outputDir);
            var database = platform.database(Topology.REQUEST_SERVICE);
            report.context("PostgreSQL " + PgBench.setting(database, "server_version") + " (" + (options.externalDbUrl() == null
                    ? "embedded" : "external") + "), synchronous_commit=" + PgBench.setting(database, "synchronous_commit")
                    + ", fsync=" + PgBench.setting(database, "fsync") + ", shared_buffers="
                    + PgBench.setting(database, "shared_buffers"));
            for (Scenario scenario : scenarios) {
                say("scenario " + scenario.name());
                // the companies are mailed every request: what the scenarios before sent must not burden this one
                platform.purgeMail();
                try {
                    scenario.run(run);
                } catch (Exception | AssertionError e) {
                    // the other scenarios still run; the run as a whole fails at the end
                    report.failed(scenario.name(), e);
                }
            }
        }
        if (scenarios.equals(SCENARIOS) && !mode.smoke()) {
            compareWithDevProfile(run, outputDir);
        }
        String title = "Parley bench, " + mode.name() + " run of " + LocalDate.now();
        report.write(outputDir.resolve("report.md"), title);
        say("report: " + outputDir.resolve("report.md").toAbsolutePath());
        return report;
    }

    /** Stops the platform when the bench is stopped too (Ctrl-C, a kill); closing it twice does nothing. */
    private static ParleyPlatform stoppedOnExit(ParleyPlatform platform) {
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "parley-bench-shutdown"));
        return platform;
    }

    /** The submit and read capacities again on the profile ./parley run and the system tests use. */
    private static void compareWithDevProfile(BenchRun production, Path outputDir) {
        Options options = Options.fromEnvironment().withFreshData(true)
                .withLogDir(outputDir.resolve("logs-dev").toAbsolutePath())
                .withProfile(PlatformProfile.DEV)
                .withSettings(GATEWAY_CLIENT_CLASSES);
        try (ParleyPlatform platform = stoppedOnExit(ParleyPlatform.start(options))) {
            DevProfileComparison.run(production,
                    new BenchRun(platform, PlatformProfile.DEV, production.mode(), production.report(), outputDir));
        }
    }

    private static List<Scenario> select(List<String> names) {
        if (names.isEmpty()) {
            return SCENARIOS;
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(SCENARIOS.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no scenario " + name + "; known: " + scenarioNames())));
        }
        return chosen;
    }

    private static List<String> scenarioNames() {
        return SCENARIOS.stream().map(Scenario::name).toList();
    }

    private static void describeMachine(Report report, Mode mode, List<Scenario> scenarios) {
        report.context("mode: " + mode.name() + " (capacity runs " + mode.capacityRun().toSeconds() + " s, latency runs "
                + mode.latencyRun().toSeconds() + " s, soak " + mode.soak().toSeconds() + " s, warm-up "
                + mode.warmUp().toSeconds() + " s before each)");
        report.context("machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + memory() + "; load and platform on the same machine, over 127.0.0.1");
        boolean changed = !command("git", "status", "--porcelain", "--untracked-files=no").isEmpty();
        report.context("commit: " + command("git", "rev-parse", "--short", "HEAD") + (changed ? " with changes not committed" : "")
                + ", JDK " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")");
        report.context("command: " + commandLine(mode, scenarios));
    }

    /** The command as typed: the bench's own environment variables, the mode and the scenarios chosen. */
    private static String commandLine(Mode mode, List<Scenario> scenarios) {
        StringBuilder line = new StringBuilder();
        new TreeMap<>(System.getenv()).forEach((name, value) -> {
            if (name.startsWith("PARLEY_BENCH_")) {
                line.append(name).append('=').append(value).append(' ');
            }
        });
        line.append("./parley bench").append(mode.smoke() ? " --smoke" : "");
        if (!scenarios.equals(SCENARIOS)) {
            scenarios.forEach(scenario -> line.append(' ').append(scenario.name()));
        }
        return line.toString();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.0f GiB RAM",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024.0 * 1024)))
                    .findFirst().orElse("unknown RAM");
        } catch (IOException e) {
            return "unknown RAM";
        }
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e9);
    }

    static void say(String message) {
        System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
