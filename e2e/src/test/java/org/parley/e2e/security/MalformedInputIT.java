package org.parley.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.security.AuthorizationTable.Expected;
import org.parley.e2e.security.AuthorizationTable.Row;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.KeycloakAdmin;
import org.parley.e2e.support.Notices;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.ServiceDatabase;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.Topology;
import tools.jackson.databind.json.JsonMapper;

/**
 * Broken input for every write endpoint of the authorization table, sent by a caller allowed to write
 * there: malformed JSON, the wrong shape, deep nesting, huge strings and arrays, NUL bytes, invalid
 * UTF-8, lone surrogates, unknown enum values, and for the main forms every field of a valid body made
 * wrong in turn. Each answer must be a 4xx with problem details (or a 2xx where the change still made
 * a valid request), and a refused input must leave every table of every service as it was: the rows
 * are counted before and after each input.
 */
@SystemTest
class MalformedInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CORPUS_APPELLANT = "corpus-appellant@users.example";
    private static final List<String> HUB_TABLES = List.of("company_event", "webhook_delivery", "webhook_attempt", "company_mail")
            .stream().map(table -> Topology.STAKEHOLDER_SERVICE + ":public." + table).toList();

    private static final Gateway gateway = Gateway.ofPlatform();
    private static final Tokens tokens = Tokens.ofPlatform();
    private static ApiFixtures fixtures;
    private static AuthorizationTable table;

    /** One input: a name for the report, the bytes, the content type. */
    private record Input(String name, byte[] body, String contentType) {
        static Input json(String name, String text) {
            return new Input(name, text.getBytes(StandardCharsets.UTF_8), "application/json");
        }
    }

    @BeforeAll
    static void prepare() {
        table = AuthorizationTable.load("/authorization-matrix.txt");
        fixtures = ApiFixtures.create();
        // claims are counted against the claimant: a login of its own keeps the demo users' budget whole
        KeycloakAdmin.ofPlatform().createUser(Topology.REALM, CORPUS_APPELLANT, Tokens.DEMO_PASSWORD, "appellant", null);
    }

    @Test
    void noInputCausesAServerErrorAnAnswerWithoutProblemDetailsOrAPartialWrite() throws SQLException {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        int accepted = 0;
        int serverErrors = 0;
        try (RowCounts counts = RowCounts.open()) {
            for (Row row : table.rows()) {
                if (row.method().equals("GET") || row.method().equals("DELETE")) {
                    continue;
                }
                String login = writer(row);
                String path = fixtures.resolve(row.method(), row.path());
                for (Input input : corpus(row)) {
                    Map<String, Long> before = counts.snapshot();
                    Reply reply = send(row.method(), path, login, input);
                    tried++;
                    String where = row.method() + " " + row.path() + " [" + input.name() + "]";
                    if (reply.status() >= 500) {
                        serverErrors++;
                        failures.add(where + ": " + reply.status() + " " + abbreviated(reply.body()));
                        continue;
                    }
                    if (reply.status() < 300) {
                        accepted++;
                        continue;
                    }
                    if (!Objects.toString(reply.header("Content-Type"), "").startsWith("application/problem+json")) {
                        failures.add(where + ": " + reply.status() + " without problem details: " + reply.header("Content-Type"));
                    }
                    Map<String, Long> grown = counts.grownSince(before);
                    if (row.path().equals("/api/v1/notices/claims")) {
                        // a well-formed claim with a wrong code is an attempt: counted, and a lock-out audited
                        grown.keySet().removeAll(List.of("appeal-service:public.claim_attempt", "appeal-service:public.audit_record"));
                    }
                    // the hub writes these as it takes events relayed from earlier, accepted inputs, on its own
                    // time; an event a refused input raised would still show in its service's own event table
                    grown.keySet().removeAll(HUB_TABLES);
                    if (!grown.isEmpty()) {
                        failures.add(where + ": refused with " + reply.status() + " but wrote rows " + grown);
                    }
                }
            }
        }
        System.out.printf("malformed input: %d inputs tried, %d accepted as valid, %d server errors, %d failures%n",
                tried, accepted, serverErrors, failures.size());
        assertThat(failures).isEmpty();
    }

    /** The first caller the table lets write there; claims and appeals by a login of their own. */
    private static String writer(Row row) {
        if (row.path().startsWith("/api/v1/notices/claims")) {
            return CORPUS_APPELLANT;
        }
        for (Map.Entry<String, Expected> cell : row.cells().entrySet()) {
            if (cell.getValue() == Expected.OK && !cell.getKey().equals("anon")) {
                return ApiFixtures.LOGINS.get(cell.getKey());
            }
        }
        throw new IllegalStateException("nobody may write to " + row.path());
    }

    /** Sends one input; waits out the gateway's rate limit, so that every input reaches the service. */
    private static Reply send(String method, String path, String login, Input input) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = gateway.request(path, tokens.of(login))
                    .header("Content-Type", input.contentType())
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(input.body()));
            Reply reply = gateway.send(request);
            long retryAfter = Long.parseLong(Objects.toString(reply.header("Retry-After"), "1"));
            // the gateway's budget refills within seconds; a service's own limit (claims: an hour) is its answer
            if (reply.status() != 429 || retryAfter > 5 || attempt == 20) {
                return reply;
            }
            sleep(retryAfter * 1000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the corpus ---------------------------------------------------------------------------------

    private static List<Input> corpus(Row row) {
        List<Input> inputs = new ArrayList<>(shapes());
        Map<String, Object> valid = validBody(row);
        if (valid != null) {
            inputs.addAll(fieldByField(valid, ""));
        }
        return inputs;
    }

    /** Bodies wrong as a whole, whatever the endpoint. */
    private static List<Input> shapes() {
        List<Input> inputs = new ArrayList<>();
        inputs.add(Input.json("empty", ""));
        inputs.add(Input.json("null", "null"));
        inputs.add(Input.json("array", "[]"));
        inputs.add(Input.json("string", "\"text\""));
        inputs.add(Input.json("number", "42"));
        inputs.add(Input.json("truncated", "{\"name\": \"a"));
        inputs.add(Input.json("no value", "{\"name\": }"));
        inputs.add(Input.json("trailing garbage", "{} {}"));
        inputs.add(Input.json("deep arrays", "[".repeat(20_000) + "]".repeat(20_000)));
        inputs.add(Input.json("deep objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        inputs.add(Input.json("huge array", "{\"subjects\":[" + "{},".repeat(200_000) + "{}]}"));
        inputs.add(Input.json("huge string", "{\"name\":\"" + "a".repeat(900_000) + "\"}"));
        inputs.add(Input.json("over the size limit", "{\"name\":\"" + "a".repeat(1_200_000) + "\"}"));
        inputs.add(Input.json("NUL byte", "{\"name\":\"a\\u0000b\",\"text\":\"a\\u0000b\",\"statement\":\"a\\u0000b\"}"));
        inputs.add(Input.json("lone surrogate", "{\"name\":\"\\ud800\",\"text\":\"\\udfff\",\"statement\":\"\\ud800x\"}"));
        byte[] badUtf8 = "{\"name\":\"\u00ff\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        inputs.add(new Input("invalid UTF-8", badUtf8, "application/json"));
        inputs.add(new Input("not JSON", "name=x".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
        inputs.add(new Input("text/plain", "{}".getBytes(StandardCharsets.UTF_8), "text/plain"));
        return inputs;
    }

    /** A valid body of the forms people fill in most; null where only whole-shape inputs are tried. */
    private static Map<String, Object> validBody(Row row) {
        String video = "https://video.example.com/v/" + UUID.randomUUID();
        return switch (row.method() + " " + row.path()) {
            case "POST /api/v1/requests", "POST /api/v1/requests/assessment" -> Orders.removalOrder(video);
            case "POST /api/v1/notices" -> Notices.statementOfReasons(video, null);
            case "POST /api/v1/stakeholders" -> Map.of("name", "Corpus ministry " + UUID.randomUUID(), "kind", "STATE",
                    "country", "RU", "jurisdictions", List.of("RU"));
            case "POST /api/v1/requests/{id}/clarifications" -> Map.of("question", "Which of the two videos is meant?");
            case "POST /api/v1/stakeholders/{id}/spheres" -> Map.of("area", "EDUCATION", "scope", "Schools " + UUID.randomUUID());
            case "POST /api/v1/working-groups" -> Map.of("name", "Corpus " + UUID.randomUUID(), "mandate", "Inputs");
            case "POST /api/v1/commitments/{id}/progress-reports" -> Map.of("text", "Progress", "evidenceUrls",
                    List.of("https://streamly.example/report"));
            case "POST /api/v1/commitments/{id}/assessments" -> Map.of("rating", "MEETS", "findings", "Fine");
            case "POST /api/v1/notices/claims" -> Map.of("reference", "PN-0000-0000", "accessCode", "1111-1111-1111");
            default -> null;
        };
    }

    /** Each field of a valid body in turn: another type, null, and for text NUL, a lone surrogate, too long, unknown. */
    private static List<Input> fieldByField(Map<String, Object> valid, String prefix) {
        List<Input> inputs = new ArrayList<>();
        for (Map.Entry<String, Object> field : valid.entrySet()) {
            String name = prefix + field.getKey();
            Object value = field.getValue();
            List<Map.Entry<String, Object>> wrong = new ArrayList<>();
            wrong.add(Map.entry("object", Map.of("x", 1)));
            wrong.add(Map.entry("array", List.of("x", 1)));
            wrong.add(Map.entry("boolean", true));
            wrong.add(Map.entry("null", "\u0000null"));
            if (value instanceof String text) {
                wrong.add(Map.entry("NUL", text + "\u0000"));
                wrong.add(Map.entry("lone surrogate", text + "\ud800"));
                wrong.add(Map.entry("100k characters", "x".repeat(100_000)));
                wrong.add(Map.entry("unknown value", "NOT_A_KNOWN_VALUE"));
            } else if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) nested;
                for (Input deeper : fieldByField(inner, name + ".")) {
                    inputs.add(nestedInput(valid, field.getKey(), deeper));
                }
            } else if (value instanceof List<?>) {
                wrong.add(Map.entry("10k items", java.util.Collections.nCopies(10_000, "x")));
                wrong.add(Map.entry("list of nulls", java.util.Arrays.asList(null, null)));
            }
            for (Map.Entry<String, Object> mutation : wrong) {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.put(field.getKey(), mutation.getValue() instanceof String s && s.equals("\u0000null") ? null : mutation.getValue());
                inputs.add(Input.json(name + " as " + mutation.getKey(), JSON.writeValueAsString(body)));
            }
        }
        return inputs;
    }

    /** A mutation of a nested object's field, placed back into the outer body. */
    private static Input nestedInput(Map<String, Object> outer, String key, Input inner) {
        Map<String, Object> body = new LinkedHashMap<>(outer);
        String innerBody = new String(inner.body(), StandardCharsets.UTF_8);
        body.put(key, JSON.readValue(innerBody, Map.class));
        return Input.json(inner.name(), JSON.writeValueAsString(body));
    }

    private static String abbreviated(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "…";
    }

    /** Row counts of every table of every service's database. */
    private static final class RowCounts implements AutoCloseable {
        private final Map<String, Connection> connections = new LinkedHashMap<>();
        private final Map<String, List<String>> tables = new LinkedHashMap<>();

        static RowCounts open() throws SQLException {
            RowCounts counts = new RowCounts();
            for (String service : List.of(Topology.STAKEHOLDER_SERVICE, Topology.REQUEST_SERVICE, Topology.APPEAL_SERVICE)) {
                Connection connection = ServiceDatabase.connect(service);
                counts.connections.put(service, connection);
                List<String> names = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("""
                                select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
                                where schemaname not in ('pg_catalog', 'information_schema') order by 1""")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                counts.tables.put(service, names);
            }
            return counts;
        }

        Map<String, Long> snapshot() throws SQLException {
            Map<String, Long> counts = new TreeMap<>();
            for (Map.Entry<String, Connection> db : connections.entrySet()) {
                List<String> names = tables.get(db.getKey());
                String sql = String.join(" union all ", names.stream()
                        .map(t -> "select '" + t + "', count(*) from " + t).toList());
                try (Statement statement = db.getValue().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                    while (rs.next()) {
                        counts.put(db.getKey() + ":" + rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        }

        /** Tables with more rows than before, and by how many (purges of old rows are not writes of this test). */
        Map<String, Long> grownSince(Map<String, Long> before) throws SQLException {
            Map<String, Long> grown = new TreeMap<>();
            snapshot().forEach((table, count) -> {
                long was = before.getOrDefault(table, 0L);
                if (count > was) {
                    grown.put(table, count - was);
                }
            });
            return grown;
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : connections.values()) {
                connection.close();
            }
        }
    }
}
