package org.parley.e2e.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table of who may call what ({@code authorization-matrix.txt}): one row per endpoint, one
 * column per kind of caller, in each cell the answer expected.
 */
record AuthorizationTable(List<String> columns, List<Row> rows) {

    record Row(String method, String path, Map<String, Expected> cells) {}

    record Cell(Row row, String column, Expected expected) {}

    enum Expected {
        OK("ok"), UNAUTHENTICATED("401"), FORBIDDEN("403"), NOT_FOUND("404");

        private final String label;

        Expected(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Expected of(String label) {
            for (Expected e : values()) {
                if (e.label.equals(label)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown cell '" + label + "': ok, 401, 403 or 404");
        }

        /** Authorised: anything but the three answers of a refusal, and never a server error. */
        boolean matches(int status) {
            return switch (this) {
                case OK -> status < 500 && status != 401 && status != 403 && status != 404;
                case UNAUTHENTICATED -> status == 401;
                case FORBIDDEN -> status == 403;
                case NOT_FOUND -> status == 404;
            };
        }

        /** How an answer would be written in the table. */
        static String classify(int status) {
            return switch (status) {
                case 401, 403, 404 -> String.valueOf(status);
                default -> status >= 500 ? "5xx(" + status + ")" : "ok";
            };
        }
    }

    List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Row row : rows) {
            row.cells().forEach((column, expected) -> cells.add(new Cell(row, column, expected)));
        }
        return cells;
    }

    static AuthorizationTable load(String resource) {
        try (InputStream in = AuthorizationTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthorizationTable parse(String text) {
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# method path")) {
                String[] header = trimmed.substring(1).strip().split("\\s+");
                columns = List.of(header).subList(2, header.length);
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (columns == null) {
                throw new IllegalStateException("the header line '# method path …' must come before the rows");
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != columns.size() + 2) {
                throw new IllegalStateException("row has " + (fields.length - 2) + " cells, the header "
                        + columns.size() + " columns: " + trimmed);
            }
            Map<String, Expected> cells = new java.util.LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.put(columns.get(i), Expected.of(fields[i + 2]));
            }
            rows.add(new Row(fields[0], fields[1], cells));
        }
        return new AuthorizationTable(columns, rows);
    }

    /** The answers seen, written as table rows, for comparing with the file. */
    String render(Map<Row, Map<String, String>> seen) {
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            Map<String, String> cells = seen.getOrDefault(row, Map.of());
            out.append(String.format("%-6s %-62s", row.method(), row.path()));
            for (String column : columns) {
                out.append(String.format(" %-" + Math.max(column.length(), 3) + "s", cells.getOrDefault(column, "?")));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
