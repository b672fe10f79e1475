package org.parley.e2e.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.PortalSession;
import org.parley.e2e.support.Tokens;
import org.parley.local.Options;
import org.parley.local.ParleyPlatform;
import org.parley.local.Topology;

/**
 * What a responder waits for and what the portal costs, measured on the whole platform
 * started through the launcher (not a test: nothing here passes or fails).
 *
 * <ul>
 *   <li>from a removal order's submission (the liaison's POST sent) to its row arriving on an
 *       open inbox's live feed, through gateway, request-service's outbox, the portal's relay
 *       and the gateway again — over {@code orders} orders sent at a steady pace;</li>
 *   <li>the server time of the inbox with {@code open} open requests, of the requests
 *       transparency page, and of the home page (no API call) as the anchor: each asked
 *       straight from the portal's port, one at a time;</li>
 *   <li>the portal's resident memory afterwards.</li>
 * </ul>
 *
 * <p>An inbox view costs one API call per page of the listing (500 rows, each with its warnings)
 * and one for the authorities' names; with the gateway's per-person rate limit on, 200 views
 * in a row would be refused before the portal is measured, so the measurement runs with the
 * limit off:
 *
 * <pre>PARLEY_GATEWAY_RATELIMIT_ENABLED=false ./mvnw -q -pl e2e test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.parley.e2e.bench.PortalBenchmark [-Dexec.args="200 1000"]</pre>
 */
public final class PortalBenchmark {

    private static final Pattern ROW_ID = Pattern.compile("id=\"req-([0-9a-f-]{36})\"");
    private static final int PAGE_SAMPLES = 200;

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int open = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Options options = Options.fromEnvironment().withFreshData(true)
                .withLogDir(Path.of("target/parley-bench-logs"));
        try (ParleyPlatform platform = ParleyPlatform.start(options)) {
            Gateway gateway = new Gateway(platform.gatewayUrl());
            Tokens tokens = new Tokens(platform.tokenEndpoint());
            PortalSession responder = PortalSession.signIn(platform.gatewayUrl(), "responder-streamly-1@parley.local");

            Map<String, Long> arrived = new ConcurrentHashMap<>();
            Thread feed = Thread.ofVirtual().start(() -> follow(responder, arrived));
            TimeUnit.SECONDS.sleep(2);

            for (int i = 0; i < 20; i++) {
                submit(gateway, tokens);
            }
            TimeUnit.SECONDS.sleep(2);
            Map<String, Long> sent = new HashMap<>();
            for (int i = 0; i < orders; i++) {
                long t0 = System.nanoTime();
                sent.put(submit(gateway, tokens), t0);
                // 10 a second: well inside the gateway's per-client limit, like a busy authority
                TimeUnit.MILLISECONDS.sleep(100);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!arrived.keySet().containsAll(sent.keySet()) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            List<Double> latencies = new ArrayList<>();
            int missed = 0;
            for (Map.Entry<String, Long> order : sent.entrySet()) {
                Long at = arrived.get(order.getKey());
                if (at == null) {
                    missed++;
                } else {
                    latencies.add((at - order.getValue()) / 1e6);
                }
            }
            feed.interrupt();

            int total = orders + 20;
            while (total < open) {
                submit(gateway, tokens);
                total++;
                if (total % 40 == 0) {
                    TimeUnit.SECONDS.sleep(1);
                }
            }
            // the portal's own port: its server time, without the gateway in front
            URI portal = URI.create("http://localhost:" + Topology.PORTAL_PORT);
            PortalSession second = PortalSession.signIn(platform.gatewayUrl(), "responder-streamly-2@parley.local");
            int shown = (int) ROW_ID.matcher(second.getAt(portal, "/company").body()).results().count();
            List<Double> inbox = time(() -> second.getAt(portal, "/company"), "/company", shown);
            List<Double> transparency = time(() -> second.getAt(portal, "/transparency/requests"),
                    "/transparency/requests", 0);
            List<Double> home = time(() -> second.getAt(portal, "/"), "/", 0);

            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "orders %d, delivered %d, missed %d%n", orders, latencies.size(), missed));
            report.append(row("submission → row on the open inbox (ms)", latencies));
            report.append(row("inbox page, " + total + " open requests, " + shown + " rows drawn (ms)", inbox));
            report.append(row("transparency/requests page (ms)", transparency));
            report.append(row("home page, no API call: the anchor (ms)", home));
            report.append(String.format(Locale.ROOT, "inbox ÷ anchor at p50: %.1f%n", median(inbox) / median(home)));
            Long pid = platform.pids().get(Topology.PORTAL);
            if (pid != null) {
                report.append("portal RSS: ").append(rss(pid)).append('\n');
            }
            System.out.println(report);
        }
    }

    private static String submit(Gateway gateway, Tokens tokens) {
        Map<String, Object> order = Orders.removalOrder();
        Reply answer = gateway.post("/api/v1/requests", tokens.of("liaison-de-1@parley.local"), Gateway.json(order));
        if (answer.status() != 201) {
            throw new IllegalStateException("submission refused: " + answer);
        }
        return answer.json().path("id").asString();
    }

    /** Reads the inbox feed until interrupted; notes when each request's row first arrived. */
    private static void follow(PortalSession responder, Map<String, Long> arrived) {
        while (!Thread.currentThread().isInterrupted()) {
            HttpResponse<InputStream> stream = responder.stream("/stream/inbox");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher id = ROW_ID.matcher(line);
                    if (line.startsWith("data:") && id.find()) {
                        arrived.putIfAbsent(id.group(1), System.nanoTime());
                    }
                }
            } catch (java.io.IOException e) {
                // the stream ended (token expiry): open it again
            }
        }
    }

    /**
     * Times a page one request after another. A page that degraded (a service said no, or a
     * part is missing) would be fast for the wrong reason, so each answer must be whole: no
     * "cannot be reached" notice, and the inbox with all its rows.
     */
    private static List<Double> time(Supplier<HttpResponse<String>> page, String path, int rows) {
        for (int i = 0; i < 20; i++) {
            page.get();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < PAGE_SAMPLES; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = page.get();
            times.add((System.nanoTime() - t0) / 1e6);
            if (answer.statusCode() != 200 || answer.body().contains("cannot be reached")
                    || ROW_ID.matcher(answer.body()).results().count() < rows) {
                try {
                    Files.writeString(Path.of("target/bench-degraded.html"), answer.statusCode() + "\n" + answer.body());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new IllegalStateException(path + " answered " + answer.statusCode() + " or degraded (" + ROW_ID
                        .matcher(answer.body()).results().count() + " of " + rows + " rows; target/bench-degraded.html): "
                        + "is the gateway's rate limit off (PARLEY_GATEWAY_RATELIMIT_ENABLED=false)?");
            }
        }
        return times;
    }

    private static String row(String what, List<Double> values) {
        return String.format(Locale.ROOT, "%-55s p50 %7.1f  p99 %7.1f  max %7.1f  (n=%d)%n", what, median(values),
                percentile(values, 0.99), percentile(values, 1.0), values.size());
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String rss(long pid) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return line.substring("VmRSS:".length()).trim();
            }
        }
        return "unknown";
    }
}
