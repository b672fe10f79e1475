package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds deploy/observability to what Prometheus, Grafana and the processes make of it: promtool
 * checks the rules and the configuration and runs the rules' tests (alerts.test.yml); the dashboard
 * parses, asks for its data source through a variable, has a row per process, and every query of it
 * and of the alerts parses and reads only metrics that the processes expose — Parley's own as the
 * code registers them, the rest from a list of what their scrapes show. Every alert links a section
 * of the runbook that exists.
 */
class ObservabilityConfigTest {

    static final Path OBSERVABILITY = DeploymentManifestsTest.DEPLOY.resolve("observability");
    static final Path REPO = DeploymentManifestsTest.REPO;
    static final Path DASHBOARD = OBSERVABILITY.resolve("grafana/parley.json");

    /**
     * What the frameworks expose under these names, as the scrapes of the management ports show them
     * (request-service's and the gateway's MetricsIT and GatewayIT assert most of them;
     * PrometheusScrapeSystemIT finds each on the running platform).
     */
    static final Set<String> FRAMEWORK_METRICS = Set.of(
            "up",
            "http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
            "http_client_requests_seconds_count", "http_client_requests_seconds_bucket",
            "spring_cloud_gateway_requests_seconds_count", "spring_cloud_gateway_requests_seconds_bucket",
            "grpc_server_seconds_count", "grpc_server_seconds_bucket",
            "grpc_client_seconds_count", "grpc_client_seconds_bucket",
            "hikaricp_connections_active", "hikaricp_connections_pending", "hikaricp_connections_max",
            "jvm_memory_used_bytes", "jvm_memory_committed_bytes", "jvm_gc_max_data_size_bytes",
            "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count",
            "resilience4j_circuitbreaker_state");

    /** How Micrometer's Prometheus registry names the series of a meter, by the builder that makes it. */
    static final Map<String, List<String>> SERIES_SUFFIXES = Map.of(
            "Gauge.builder(", List.of(""),
            ".baseUnit(\"seconds\")", List.of("_seconds"),
            "Counter.builder(", List.of("_total"),
            "Timer.builder(", List.of("_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max"),
            "DistributionSummary.builder(", List.of("_bucket", "_count", "_sum", "_max"));

    static final JsonMapper JSON = JsonMapper.builder().build();

    // ---------------------------------------------------------------- promtool

    @Test
    void theAlertRulesAreValid() {
        Promtool.Run run = Promtool.run(OBSERVABILITY, "check", "rules", "alerts.yml");

        assertThat(run.exit()).as(run.describe(List.of("check", "rules", "alerts.yml"))).isZero();
    }

    @Test
    void thePrometheusConfigIsValidLoadsTheRulesAndScrapesEveryProcesssManagementPort() {
        Promtool.Run run = Promtool.run(OBSERVABILITY, "check", "config", "prometheus.yml");
        assertThat(run.exit()).as(run.describe(List.of("check", "config", "prometheus.yml"))).isZero();

        Map<String, Object> config = yaml(OBSERVABILITY.resolve("prometheus.yml"));
        assertThat(list(config.get("rule_files"))).containsExactly("alerts.yml");
        Map<String, List<Object>> targets = new LinkedHashMap<>();
        for (Object job : list(config.get("scrape_configs"))) {
            Map<String, Object> scrape = map(job);
            assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
            targets.put((String) scrape.get("job_name"), list(map(list(scrape.get("static_configs")).getFirst()).get("targets")));
        }
        assertThat(targets.keySet()).containsExactlyInAnyOrderElementsOf(Topology.SERVICES);
        for (String process : Topology.SERVICES) {
            URI metrics = Topology.metrics(process);
            assertThat(targets.get(process)).as(process).containsExactly(metrics.getHost() + ":" + metrics.getPort());
        }
    }

    @Test
    void theAlertsFireAndStaySilentAsTheirTestsSay() {
        Promtool.Run run = Promtool.run(OBSERVABILITY, "test", "rules", "alerts.test.yml");
        assertThat(run.exit()).as(run.describe(List.of("test", "rules", "alerts.test.yml"))).isZero();

        // every alert is tested; the overdue removal order and the error rate both firing and silent
        Map<String, Set<Boolean>> fires = new LinkedHashMap<>();
        for (Object test : list(yaml(OBSERVABILITY.resolve("alerts.test.yml")).get("tests"))) {
            for (Object eval : list(map(test).get("alert_rule_test"))) {
                Map<String, Object> expected = map(eval);
                fires.computeIfAbsent((String) expected.get("alertname"), name -> new TreeSet<>())
                        .add(!list(expected.get("exp_alerts")).isEmpty());
            }
        }
        assertThat(fires.keySet()).containsExactlyInAnyOrderElementsOf(alerts().keySet());
        assertThat(fires.get("RemovalOrderOverdue")).containsExactly(false, true);
        assertThat(fires.get("HighErrorRate")).containsExactly(false, true);
    }

    @Test
    void everyAlertSaysHowBadWhatAndWhereItsRunbookIs() throws IOException {
        Set<String> runbook = runbookAnchors();
        assertThat(alerts()).isNotEmpty();
        alerts().forEach((name, rule) -> {
            assertThat(map(rule.get("labels")).get("severity")).as(name).isIn("critical", "warning");
            Map<String, Object> annotations = map(rule.get("annotations"));
            assertThat(annotations).as(name).containsKeys("summary", "description", "runbook_url");
            String url = (String) annotations.get("runbook_url");
            assertThat(url).as(name).startsWith("docs/operations.md#");
            assertThat(runbook).as(name + " links a section of docs/operations.md's runbook")
                    .contains(url.substring(url.indexOf('#') + 1));
        });
    }

    // ---------------------------------------------------------------- the dashboard

    @Test
    void theDashboardHasARowPerProcessAndOneForTheDeadlinesAndAsksForItsDataSource() {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());

        JsonNode variable = stream(dashboard.path("templating").path("list"))
                .filter(v -> "DS_PROMETHEUS".equals(v.path("name").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no variable DS_PROMETHEUS"));
        assertThat(variable.path("type").asString()).isEqualTo("datasource");
        assertThat(variable.path("query").asString()).isEqualTo("prometheus");
        List<String> rows = stream(dashboard.path("panels")).filter(p -> "row".equals(p.path("type").asString()))
                .map(p -> p.path("title").asString()).toList();
        List<String> expected = new ArrayList<>(Topology.SERVICES);
        expected.add("Deadlines");
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        Set<Integer> ids = new LinkedHashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique: " + panel.path("id")).isTrue();
            assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                    .isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.path("targets").isEmpty()).as(panel.path("title").asString()).isFalse();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asString()).isEqualTo("${DS_PROMETHEUS}");
            }
        }
    }

    @Test
    void everyQueryOfTheDashboardParses(@TempDir Path dir) throws IOException {
        // promtool parses expressions only inside rules: each query becomes a recording rule, with
        // Grafana's variables replaced by what Grafana puts there
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int n = 0;
        for (String expr : dashboardQueries()) {
            String promql = expr.replace("$__rate_interval", "1m").replace("$__range", "6h");
            rules.append("      - record: dashboard:query:").append(++n).append('\n')
                    .append("        expr: ").append(JSON.writeValueAsString(promql)).append('\n');
        }
        Files.writeString(dir.resolve("dashboard.rules.yml"), rules);

        Promtool.Run run = Promtool.run(dir, "check", "rules", "dashboard.rules.yml");

        assertThat(run.exit()).as(run.describe(List.of("check", "rules", "dashboard.rules.yml")) + "\n" + rules).isZero();
        assertThat(n).isGreaterThan(40);
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsOneTheProcessesExpose() throws IOException {
        Set<String> exposed = new TreeSet<>(FRAMEWORK_METRICS);
        exposed.addAll(parleySeries());
        List<String> queries = new ArrayList<>(dashboardQueries());
        alerts().values().forEach(rule -> queries.add((String) rule.get("expr")));

        Set<String> read = new TreeSet<>();
        for (String query : queries) {
            Set<String> names = metricNames(query);
            assertThat(names).as(query).isNotEmpty();
            assertThat(exposed).as("every metric of: " + query).containsAll(names);
            read.addAll(names);
        }
        // the deadlines' gauges and the time to answer are read, and they are names the code registers
        assertThat(read).contains("parley_requests_overdue", "parley_removal_orders_due_soon", "parley_appeals_overdue",
                "parley_requests_open", "parley_request_answer_time_seconds_bucket", "parley_audit_chain_intact");
        // a misspelt name is not exposed
        assertThat(exposed).doesNotContain("parley_request_overdue", "parley_requests_overdue_total");
    }

    @Test
    void metricNamesAreTheIdentifiersThatAreNeitherFunctionsNorLabels() {
        assertThat(metricNames("sum by (type, le) (increase(parley_request_answer_time_seconds_bucket{type=\"A\", le=~\"1|2\"}[$__range]))"
                + " / on (type) group_left sum without (instance) (rate(grpc_server_seconds_count{grpc_status_code!=\"OK\"}[5m])) > bool 0"
                + " or time() - up offset 5m"))
                .containsExactlyInAnyOrder("parley_request_answer_time_seconds_bucket", "grpc_server_seconds_count", "up");
    }

    // ---------------------------------------------------------------- helpers

    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    /** The metric names a PromQL expression reads: identifiers outside label matchers that call nothing. */
    static Set<String> metricNames(String promql) {
        String bare = STRING.matcher(promql).replaceAll("\"\"");
        bare = LABELS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static final Pattern METER_NAME = Pattern.compile("\"(parley\\.[a-z0-9]+(?:\\.[a-z0-9]+)*)\"");

    /**
     * The series of every meter the code registers under a {@code parley.} name: string literals in
     * main sources that use Micrometer, named as its Prometheus registry names them (dots to
     * underscores; a timer's {@code _seconds_bucket} and so on, for the kinds of meter the file builds).
     */
    static Set<String> parleySeries() throws IOException {
        Set<String> series = new TreeSet<>();
        try (Stream<Path> files = Files.walk(REPO)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("io.micrometer.core.instrument")) {
                    continue;
                }
                List<String> suffixes = SERIES_SUFFIXES.entrySet().stream().filter(kind -> source.contains(kind.getKey()))
                        .flatMap(kind -> kind.getValue().stream()).toList();
                Matcher m = METER_NAME.matcher(source);
                while (m.find()) {
                    String base = m.group(1).replace('.', '_');
                    suffixes.forEach(suffix -> series.add(base + suffix));
                }
            }
        }
        assertThat(series).as("meters found in the code").contains("parley_requests_open");
        return series;
    }

    private static List<String> dashboardQueries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : panels(JSON.readTree(DASHBOARD.toFile()))) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asString());
            }
        }
        return queries;
    }

    /** The panels of the dashboard, rows left out (and the panels of collapsed rows taken in). */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asString())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** Every alerting rule of alerts.yml, by name. */
    static Map<String, Map<String, Object>> alerts() {
        Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
        for (Object group : list(yaml(OBSERVABILITY.resolve("alerts.yml")).get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                Map<String, Object> r = map(rule);
                if (r.get("alert") != null) {
                    alerts.put((String) r.get("alert"), r);
                }
            }
        }
        return alerts;
    }

    /** The anchors of the subsections of docs/operations.md's "Runbook", as GitHub makes them. */
    static Set<String> runbookAnchors() throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        boolean inRunbook = false;
        for (String line : Files.readAllLines(REPO.resolve("docs/operations.md"))) {
            if (line.startsWith("## ")) {
                inRunbook = line.equals("## Runbook");
            } else if (inRunbook && line.startsWith("### ")) {
                anchors.add(line.substring(4).strip().toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
