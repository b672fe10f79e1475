package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.ParleyPlatform;
import org.parley.local.Topology;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian's {@code prometheus} binary, a child process on a free loopback port,
 * its data in a temporary directory) scrapes the running platform's management ports with a
 * configuration made for them and loads deploy/observability/alerts.yml: every target is up, a gauge
 * of the platform answers a query, every alerting rule is loaded and evaluates, and every metric the
 * dashboard and the rules read is one Prometheus has scraped. Without the binary: fails under
 * {@code CI=true}, skipped elsewhere, saying why. The process is stopped, by its pid, after the class.
 */
@SystemTest
class PrometheusScrapeSystemIT {

    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path home;
    private static Process prometheus;
    private static URI api;
    private static List<String> scraped;

    @BeforeAll
    static void startPrometheus() throws IOException {
        String binary = binary();
        ParleyPlatform platform = RunningPlatform.platform();
        scraped = Topology.SERVICES.stream().filter(platform::isRunning).toList();
        assertThat(scraped).as("processes of the platform running").isNotEmpty();

        home = Files.createTempDirectory("parley-prometheus");
        Path rules = platform.repoRoot().resolve("deploy/observability/alerts.yml");
        assertThat(rules).exists();
        Files.writeString(home.resolve("prometheus.yml"), config(scraped, rules));
        int port = freePort();
        api = URI.create("http://127.0.0.1:" + port);
        Path log = platform.logDir() != null ? platform.logDir().resolve("prometheus.log") : home.resolve("prometheus.log");
        prometheus = new ProcessBuilder(binary,
                "--config.file=" + home.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        prometheus.getOutputStream().close();
        await("Prometheus is ready at " + api + " (its log: " + log + ")", Duration.ofSeconds(60),
                () -> status("/-/ready") == 200);
    }

    @AfterAll
    static void stopPrometheus() throws IOException {
        try {
            if (prometheus != null) {
                ProcessHandle handle = ProcessHandle.of(prometheus.pid()).orElse(null);
                if (handle != null && handle.isAlive()) {
                    handle.destroy();
                    try {
                        handle.onExit().get(15, TimeUnit.SECONDS);
                    } catch (Exception stillRunning) {
                        handle.destroyForcibly();
                    }
                }
            }
        } finally {
            if (home != null) {
                deleteTree(home);
            }
        }
    }

    @Test
    void everyProcesssManagementPortIsScrapedAndUp() {
        await("every target up", Duration.ofSeconds(60), () -> {
            List<JsonNode> targets = new ArrayList<>();
            get("/api/v1/targets?state=active").path("data").path("activeTargets").forEach(targets::add);
            return targets.size() == scraped.size() && targets.stream().allMatch(t -> "up".equals(t.path("health").asString()));
        });

        JsonNode up = query("up");
        assertThat(up).hasSize(scraped.size());
        for (JsonNode series : up) {
            assertThat(series.path("value").get(1).asString()).as(series.toString()).isEqualTo("1");
        }
    }

    @Test
    void aGaugeOfThePlatformAnswersAQuery() {
        await("request-service's figures scraped", Duration.ofSeconds(60), () -> !query("parley_requests_open").isEmpty());

        JsonNode open = query("parley_requests_open");
        for (JsonNode series : open) {
            assertThat(series.path("metric").path("application").asString()).isEqualTo("request-service");
            assertThat(series.path("metric").path("type").asString()).isNotBlank();
            assertThat(series.path("metric").path("state").asString()).isNotBlank();
            assertThat(Double.parseDouble(series.path("value").get(1).asString())).as(series.toString()).isGreaterThanOrEqualTo(0);
        }
        assertThat(query("max(parley_removal_orders_due_soon)")).hasSize(1);
    }

    @Test
    void everyAlertingRuleIsLoadedAndEvaluates() throws IOException {
        Set<String> alerts = alertNames(RunningPlatform.platform().repoRoot().resolve("deploy/observability/alerts.yml"));
        assertThat(alerts).contains("RemovalOrderOverdue", "HighErrorRate", "TargetDown");

        await("every rule evaluated", Duration.ofSeconds(60), () -> {
            List<JsonNode> rules = rules();
            return rules.size() == alerts.size() && rules.stream().allMatch(r -> "ok".equals(r.path("health").asString()));
        });
        List<JsonNode> rules = rules();
        assertThat(rules).extracting(r -> r.path("name").asString()).containsExactlyInAnyOrderElementsOf(alerts);
        assertThat(rules).allSatisfy(r -> assertThat(r.path("type").asString()).isEqualTo("alerting"));
        // nothing is down, so nothing says so
        assertThat(firing()).doesNotContain("TargetDown");
    }

    @Test
    void everyMetricTheDashboardAndTheRulesReadIsScraped() throws IOException {
        Path repo = RunningPlatform.platform().repoRoot();
        // the metrics that need traffic: a submission (request-service asks stakeholder-service over
        // gRPC; the gateway routes it through its circuit breaker), a page of the portal
        Tokens tokens = Tokens.ofPlatform();
        Gateway gateway = Gateway.ofPlatform();
        Reply submitted = gateway.post("/api/v1/requests", tokens.of("liaison-de-1@parley.local"),
                Gateway.json(Orders.removalOrder()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(gateway.get("/").status()).isEqualTo(200);

        Set<String> read = new TreeSet<>();
        for (JsonNode panel : JSON.readTree(repo.resolve("deploy/observability/grafana/parley.json").toFile()).path("panels")) {
            List<JsonNode> panels = new ArrayList<>(List.of(panel));
            panel.path("panels").forEach(panels::add);
            for (JsonNode p : panels) {
                p.path("targets").forEach(t -> read.addAll(metricNames(t.path("expr").asString())));
            }
        }
        ruleExpressions(Files.readAllLines(repo.resolve("deploy/observability/alerts.yml"))).forEach(e -> read.addAll(metricNames(e)));
        assertThat(read).contains("parley_requests_overdue", "spring_cloud_gateway_requests_seconds_bucket",
                "resilience4j_circuitbreaker_state", "grpc_server_seconds_bucket", "parley_audit_chain_intact");

        await("every metric the dashboard reads scraped", Duration.ofSeconds(60), () -> names().containsAll(read));
        assertThat(names()).containsAll(read);
    }

    // ---------------------------------------------------------------- Prometheus

    private static String config(List<String> processes, Path rules) {
        StringBuilder yaml = new StringBuilder()
                .append("global:\n")
                .append("  scrape_interval: ").append(SCRAPE_INTERVAL.toSeconds()).append("s\n")
                .append("  evaluation_interval: ").append(SCRAPE_INTERVAL.toSeconds()).append("s\n")
                .append("rule_files:\n")
                .append("  - ").append(JSON.writeValueAsString(rules.toAbsolutePath().toString())).append('\n')
                .append("scrape_configs:\n");
        for (String process : processes) {
            URI metrics = Topology.metrics(process);
            yaml.append("  - job_name: ").append(process).append('\n')
                    .append("    metrics_path: ").append(metrics.getPath()).append('\n')
                    .append("    static_configs:\n")
                    .append("      - targets: [\"").append(metrics.getHost()).append(':').append(metrics.getPort()).append("\"]\n");
        }
        return yaml.toString();
    }

    private static String binary() {
        Optional<String> found = Optional.ofNullable(System.getenv("PROMETHEUS")).or(() -> onPath("prometheus"));
        if (found.isEmpty() || !Files.isExecutable(Path.of(found.get()))) {
            String why = "no prometheus binary on the PATH (or PROMETHEUS); Debian's prometheus package brings it, "
                    + "and .ci/run installs that";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return found.get();
    }

    private static Optional<String> onPath(String name) {
        for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static JsonNode query(String promql) {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertThat(answer.path("status").asString()).as(answer.toString()).isEqualTo("success");
        return answer.path("data").path("result");
    }

    private static List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        get("/api/v1/rules").path("data").path("groups").forEach(g -> g.path("rules").forEach(rules::add));
        return rules;
    }

    private static Set<String> firing() {
        Set<String> names = new TreeSet<>();
        get("/api/v1/alerts").path("data").path("alerts").forEach(a -> {
            if ("firing".equals(a.path("state").asString())) {
                names.add(a.path("labels").path("alertname").asString());
            }
        });
        return names;
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        get("/api/v1/label/__name__/values").path("data").forEach(n -> names.add(n.asString()));
        return names;
    }

    private static Set<String> alertNames(Path rules) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher alert = Pattern.compile("(?m)^\\s*- alert: (\\w+)\\s*$").matcher(Files.readString(rules));
        while (alert.find()) {
            names.add(alert.group(1));
        }
        return names;
    }

    /** The {@code expr} of every rule: on its line, or the indented lines below {@code expr: |}. */
    private static List<String> ruleExpressions(List<String> lines) {
        List<String> expressions = new ArrayList<>();
        Pattern expr = Pattern.compile("^(\\s*)expr: (.*)$");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = expr.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            if (!m.group(2).strip().equals("|")) {
                expressions.add(m.group(2));
                continue;
            }
            StringBuilder block = new StringBuilder();
            int indent = m.group(1).length();
            while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                    || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                block.append(lines.get(++i).strip()).append('\n');
            }
            expressions.add(block.toString());
        }
        return expressions;
    }

    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    /** The metric names a PromQL expression reads (as ObservabilityConfigTest reads them). */
    private static Set<String> metricNames(String promql) {
        String bare = GROUPING.matcher(RANGE.matcher(LABELS.matcher(promql).replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api.resolve(path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Prometheus did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void await(String what, Duration limit, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(limit);
        AssertionError last = null;
        while (Instant.now().isBefore(deadline)) {
            if (prometheus != null && !prometheus.isAlive()) {
                fail("Prometheus ended (exit " + prometheus.exitValue() + ") while waiting until " + what);
            }
            try {
                if (condition.get()) {
                    return;
                }
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not within " + limit.toSeconds() + " s: " + what, last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
