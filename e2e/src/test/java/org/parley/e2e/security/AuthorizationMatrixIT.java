package org.parley.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.e2e.security.ApiFixtures.ok;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.e2e.security.AuthorizationTable.Cell;
import org.parley.e2e.security.AuthorizationTable.Expected;
import org.parley.e2e.security.AuthorizationTable.Row;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint × every role, own and other tenant, through the gateway with the real Keycloak's
 * tokens: the answers must be exactly those of {@code authorization-matrix.txt}. Denials run first, so
 * that no allowed write (a withdrawal, a deletion) changes what a later denial sees; each cell of a
 * DELETE row gets a resource of its own. The table must name every endpoint the services' OpenAPI
 * documents offer, so an endpoint cannot be added without deciding who may call it.
 */
@SystemTest
class AuthorizationMatrixIT {

    private static final Gateway gateway = Gateway.ofPlatform();
    private static final Tokens tokens = Tokens.ofPlatform();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static AuthorizationTable table;
    private static ApiFixtures fixtures;

    @BeforeAll
    static void fixtures() {
        table = AuthorizationTable.load("/authorization-matrix.txt");
        fixtures = ApiFixtures.create();
    }

    @Test
    void everyEndpointHasARow() {
        Set<String> offered = new TreeSet<>();
        for (String service : List.of("stakeholder-service", "request-service", "appeal-service")) {
            JsonNode paths = ok(gateway.get("/api/docs/" + service)).json().path("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.path(path).propertyNames()) {
                    offered.add(method.toUpperCase() + " " + normalised(path));
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        table.rows().forEach(row -> listed.add(row.method() + " " + normalised(row.path())));

        assertThat(listed).as("rows for endpoints no service offers").isSubsetOf(offered);
        assertThat(offered).as("endpoints without a row in authorization-matrix.txt").isSubsetOf(listed);
    }

    @Test
    void everyCellAnswersAsTheTableSays() {
        List<Cell> cells = new ArrayList<>(table.cells());
        // denials first, then reads, then writes, deletions last
        cells.sort(Comparator.comparing((Cell c) -> c.expected() == Expected.OK)
                .thenComparing(c -> !c.row().method().equals("GET"))
                .thenComparing(c -> c.row().method().equals("DELETE")));

        List<String> wrong = new ArrayList<>();
        Map<Row, Map<String, String>> seen = new LinkedHashMap<>();
        int unexpectedAllows = 0;
        for (Cell cell : cells) {
            int status = call(cell);
            seen.computeIfAbsent(cell.row(), r -> new LinkedHashMap<>()).put(cell.column(), Expected.classify(status));
            if (!cell.expected().matches(status)) {
                wrong.add(cell.row().method() + " " + cell.row().path() + " as " + cell.column()
                        + ": expected " + cell.expected().label() + ", got " + status);
                if (cell.expected() != Expected.OK && Expected.OK.matches(status)) {
                    unexpectedAllows++;
                }
            }
        }
        System.out.printf("authorization matrix: %d endpoints, %d cells, %d as expected, %d unexpected allows%n",
                table.rows().size(), cells.size(), cells.size() - wrong.size(), unexpectedAllows);
        assertThat(wrong).as("cells answering otherwise than the table; all answers seen:%n%s", table.render(seen)).isEmpty();
    }

    private static int call(Cell cell) {
        String path = fixtures.resolve(cell.row().method(), cell.row().path());
        String login = ApiFixtures.LOGINS.get(cell.column());
        HttpRequest.Builder request = gateway.request(path, login == null ? null : tokens.of(login))
                .timeout(Duration.ofSeconds(20));
        String method = cell.row().method();
        if (path.endsWith("/events")) {
            request.setHeader("Accept", "text/event-stream");
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                // an event stream never ends: its status is all a cell needs
                if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                    body.readAllBytes();
                }
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A path of OpenAPI or of the table with every placeholder written the same. */
    private static String normalised(String path) {
        return ApiFixtures.PLACEHOLDER.matcher(path).replaceAll("{}");
    }
}
