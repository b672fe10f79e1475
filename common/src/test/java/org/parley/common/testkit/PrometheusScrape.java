package org.parley.common.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One scrape of a process's {@code /actuator/prometheus}, read the way Prometheus reads it: a line
 * per series, {@code name{label="value",...} number}. For the services' tests and the system tests.
 */
public final class PrometheusScrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String text;

    private PrometheusScrape(String text) {
        this.text = text;
    }

    /** Scrapes {@code http://127.0.0.1:<port>/actuator/prometheus}; fails unless it answers 200. */
    public static PrometheusScrape of(int managementPort) {
        return of(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"));
    }

    public static PrometheusScrape of(URI endpoint) {
        HttpResponse<String> response = get(endpoint);
        if (response.statusCode() != 200) {
            throw new AssertionError("scrape of " + endpoint + " answered " + response.statusCode() + ": " + response.body());
        }
        return new PrometheusScrape(response.body());
    }

    /** The status code of a GET, for the tests that a path is not served. */
    public static int status(URI target) {
        return get(target).statusCode();
    }

    private static HttpResponse<String> get(URI target) {
        try {
            return HTTP.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("could not reach " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public String text() {
        return text;
    }

    /** The lines of the series named {@code name} (exactly) that carry every given label. */
    public List<String> series(String name, Map<String, String> labels) {
        return text.lines()
                .filter(line -> !line.startsWith("#"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .toList();
    }

    /** The sum of the values of those series; empty when there is none. */
    public OptionalDouble value(String name, Map<String, String> labels) {
        List<String> lines = series(name, labels);
        if (lines.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(lines.stream()
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum());
    }

    /** The value of the series, which must exist. */
    public double valueOf(String name, Map<String, String> labels) {
        return value(name, labels).orElseThrow(() -> new AssertionError("no series " + name + labels + " in:\n" + text));
    }

    public boolean has(String name) {
        return !series(name, Map.of()).isEmpty();
    }
}
