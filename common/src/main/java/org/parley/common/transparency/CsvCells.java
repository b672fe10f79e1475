package org.parley.common.transparency;

import java.util.List;

/**
 * Rows of a CSV file (RFC 4180, CRLF line ends) as the public reports and the archive write them: a cell with
 * a comma, quote or line break is quoted, and a cell a spreadsheet would run as a formula (starting with
 * {@code = + - @}, and not a number) gets a leading apostrophe, since these files are opened by anyone.
 */
public final class CsvCells {

    private CsvCells() {}

    /** Appends one row; a null cell is empty. */
    public static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** Appends one row; a null cell is empty. */
    public static void row(StringBuilder csv, String... cells) {
        row(csv, java.util.Arrays.asList(cells));
    }

    /** One cell, quoted when it needs it and defused when a spreadsheet would run it. */
    public static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        String text = cell;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
