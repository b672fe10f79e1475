package org.parley.portal.publicpages;

import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG, so that it works without JavaScript,
 * prints well and passes the Content-Security-Policy: presentation attributes only, never a
 * {@code style}. The chart is one image to assistive technology ({@code role="img"} named by
 * its {@code <title>} and described by its {@code <desc>}); the numbers themselves are in the
 * table a page shows beside it. Every piece of text is escaped, since labels come from outside
 * (a company's name).
 *
 * <p>For a right-to-left language the chart is mirrored: labels on the right, bars growing
 * leftwards, and the SVG says its direction itself (inline SVG would otherwise take the
 * page's, and flip every {@code text-anchor} against the coordinates drawn for left to right).
 *
 * <p>A bar whose value is not a number (a count withheld as {@code "<5"}, a share not
 * published) draws no bar: its text stands in its place, so a withheld figure never looks like
 * zero or like a guess.
 */
public final class SvgBarChart {

    /** One bar: its label, the length to draw ({@code null}: no bar) and the value as the page shows it. */
    public record Bar(String label, Double value, String shown) {
    }

    static final int WIDTH = 480;
    static final int LABEL_WIDTH = 170;
    static final int VALUE_WIDTH = 70;
    static final int ROW = 28;
    static final int BAR = 18;
    static final int TOP = 8;
    static final int MAX_LABEL_CHARS = 21;
    static final String BAR_FILL = "#0b5cad";
    static final String INK = "#1b1f24";
    static final String MUTED = "#4d5661";
    static final String RULE = "#d5dae0";

    private SvgBarChart() {
    }

    /**
     * The chart's SVG.
     *
     * @param id        unique on the page; the ids of the title and description derive from it
     * @param title     what the chart shows (its accessible name)
     * @param desc      how to read it, e.g. where its numbers are
     * @param bars      the bars, top to bottom
     * @param max       the value of a full bar, or {@code null} for the largest value
     * @param emptyText what the chart says when there are no bars
     */
    public static String render(String id, String title, String desc, List<Bar> bars, Double max, String emptyText) {
        return render(id, title, desc, bars, max, emptyText, false);
    }

    /** The chart's SVG, mirrored when {@code rightToLeft}. */
    public static String render(String id, String title, String desc, List<Bar> bars, Double max, String emptyText,
            boolean rightToLeft) {
        String safeId = id.replaceAll("[^A-Za-z0-9_-]", "-");
        double full = max != null && max > 0 ? max
                : bars.stream().map(Bar::value).filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).max().orElse(0);
        int rows = Math.max(1, bars.size());
        int height = TOP * 2 + rows * ROW;
        int barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        StringBuilder svg = new StringBuilder(256 + bars.size() * 320);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" id=\"").append(safeId)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" aria-labelledby=\"").append(safeId).append("-title ").append(safeId).append("-desc\"")
                .append(" direction=\"").append(rightToLeft ? "rtl" : "ltr").append('"')
                .append(" font-family=\"system-ui, sans-serif\" font-size=\"14\">");
        svg.append("<title id=\"").append(safeId).append("-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(safeId).append("-desc\">").append(escape(desc)).append("</desc>");
        if (bars.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(TOP + ROW / 2 + 4)
                    .append("\" text-anchor=\"middle\" fill=\"").append(MUTED).append("\">").append(escape(emptyText))
                    .append("</text>");
            return svg.append("</svg>").toString();
        }
        // where bars start: the axis between labels and bars, on the left or (mirrored) the right
        int axis = rightToLeft ? WIDTH - LABEL_WIDTH : LABEL_WIDTH;
        svg.append("<line x1=\"").append(axis).append("\" y1=\"").append(TOP).append("\" x2=\"").append(axis)
                .append("\" y2=\"").append(height - TOP).append("\" stroke=\"").append(RULE).append("\"/>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            int textY = y + ROW / 2 + 4;
            String label = bar.label() == null ? "" : bar.label();
            svg.append("<g>");
            // the full label as a tooltip when it is cut short
            if (label.length() > MAX_LABEL_CHARS) {
                svg.append("<title>").append(escape(label)).append("</title>");
            }
            // the label ends at the axis: in both directions that is the end of its text
            svg.append("<text x=\"").append(rightToLeft ? axis + 8 : axis - 8).append("\" y=\"").append(textY)
                    .append("\" text-anchor=\"end\" fill=\"").append(INK).append("\">").append(escape(shorten(label)))
                    .append("</text>");
            int length = 0;
            if (bar.value() != null && full > 0 && bar.value() > 0) {
                length = (int) Math.max(1, Math.round(Math.min(bar.value(), full) / full * barSpace));
                svg.append("<rect x=\"").append(rightToLeft ? axis - length : axis).append("\" y=\"").append(y + (ROW - BAR) / 2)
                        .append("\" width=\"").append(length).append("\" height=\"").append(BAR)
                        .append("\" fill=\"").append(BAR_FILL).append("\"/>");
            }
            svg.append("<text x=\"").append(rightToLeft ? axis - length - 6 : axis + length + 6).append("\" y=\"")
                    .append(textY)
                    .append("\" fill=\"").append(bar.value() == null ? MUTED : INK).append("\">")
                    .append(escape(bar.shown() == null ? "" : bar.shown())).append("</text>");
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    /** The number a count stands for, or {@code null} when it is withheld ({@code "<5"}) or missing. */
    public static Double count(String shown) {
        if (shown == null || shown.isBlank()) {
            return null;
        }
        String text = shown.strip();
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return null;
            }
        }
        try {
            return (double) Long.parseLong(text);
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    static String shorten(String label) {
        if (label.length() <= MAX_LABEL_CHARS) {
            return label;
        }
        return label.substring(0, MAX_LABEL_CHARS - 1).stripTrailing() + "…";
    }

    /** Escapes text for an SVG (XML) text node or attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters are not allowed in XML 1.0
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
