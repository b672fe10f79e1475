package org.parley.portal.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.portal.publicpages.SvgBarChart.Bar;

class SvgBarChartTest {

    private static String chart(List<Bar> bars) {
        return SvgBarChart.render("by-type", "Requests by type", "A bar per row of the table.", bars, null, "Nothing to count.");
    }

    private static int rects(String svg) {
        return svg.split("<rect", -1).length - 1;
    }

    @Test
    void isOneNamedImageForAssistiveTechnology() {
        String svg = chart(List.of(new Bar("Removal order", 9.0, "9")));
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("role=\"img\"", "aria-labelledby=\"by-type-title by-type-desc\"",
                        "<title id=\"by-type-title\">Requests by type</title>",
                        "<desc id=\"by-type-desc\">A bar per row of the table.</desc>")
                .endsWith("</svg>");
    }

    @Test
    void usesPresentationAttributesOnlyNeverAStyle() {
        String svg = chart(List.of(new Bar("Removal order", 9.0, "9"), new Bar("Referral", 3.0, "3")));
        assertThat(svg).doesNotContain("style").contains("fill=\"#0b5cad\"");
    }

    @Test
    void escapesEveryLabelValueAndTitle() {
        String svg = SvgBarChart.render("x\"><script>", "A & B <c>", "\"quoted\" 'single'",
                List.of(new Bar("<script>alert('x')</script> & Co \"Ltd\"", 4.0, "<4>")), null, "none");
        assertThat(svg).doesNotContain("<script>").doesNotContain("x\"><")
                .contains("A &amp; B &lt;c&gt;", "&quot;quoted&quot; &#39;single&#39;", "&lt;script&gt;", "&amp; Co",
                        "&lt;4&gt;");
    }

    @Test
    void aWithheldCountStaysAsTextAndDrawsNoBar() {
        String svg = chart(List.of(new Bar("Referral", SvgBarChart.count("<5"), "<5"), new Bar("Removal order", 9.0, "9")));
        assertThat(svg).contains("&lt;5");
        assertThat(rects(svg)).isEqualTo(1);
    }

    @Test
    void zeroDrawsNoBarButSaysZero() {
        String svg = chart(List.of(new Bar("Preservation", 0.0, "0")));
        assertThat(rects(svg)).isZero();
        assertThat(svg).contains(">0</text>");
    }

    @Test
    void noBarsSayWhyInsteadOfAnEmptyFrame() {
        String svg = chart(List.of());
        assertThat(rects(svg)).isZero();
        assertThat(svg).contains("Nothing to count.", "role=\"img\"");
    }

    @Test
    void barsAreScaledToTheLargestOrToTheGivenFullValue() {
        String svg = chart(List.of(new Bar("a", 10.0, "10"), new Bar("b", 5.0, "5")));
        int space = SvgBarChart.WIDTH - SvgBarChart.LABEL_WIDTH - SvgBarChart.VALUE_WIDTH;
        assertThat(svg).contains("width=\"" + space + "\"", "width=\"" + space / 2 + "\"");
        String shares = SvgBarChart.render("s", "t", "d", List.of(new Bar("a", 0.5, "50 %")), 1.0, "none");
        assertThat(shares).contains("width=\"" + space / 2 + "\"");
    }

    @Test
    void longLabelsAreShortenedWithTheFullTextKept() {
        String label = "Germany: Federal Office for Online Safety (demo)";
        String svg = chart(List.of(new Bar(label, 3.0, "3")));
        assertThat(svg).contains("<title>" + label + "</title>", "…");
    }

    @Test
    void readsOnlyPlainCountsAsNumbers() {
        assertThat(SvgBarChart.count("12")).isEqualTo(12.0);
        assertThat(SvgBarChart.count("0")).isEqualTo(0.0);
        assertThat(SvgBarChart.count("<5")).isNull();
        assertThat(SvgBarChart.count("")).isNull();
        assertThat(SvgBarChart.count(null)).isNull();
        assertThat(SvgBarChart.count("-3")).isNull();
        assertThat(SvgBarChart.count("99999999999999999999999")).isNull();
    }

    @Test
    void aRightToLeftChartIsTheMirrorImage() {
        List<Bar> bars = List.of(new Bar("أمر إزالة", 10.0, "10"), new Bar("إحالة", 5.0, "5"));
        String ltr = SvgBarChart.render("c", "t", "d", bars, null, "-", false);
        String rtl = SvgBarChart.render("c", "t", "d", bars, null, "-", true);
        int barSpace = SvgBarChart.WIDTH - SvgBarChart.LABEL_WIDTH - SvgBarChart.VALUE_WIDTH;
        int axis = SvgBarChart.WIDTH - SvgBarChart.LABEL_WIDTH;
        assertThat(ltr).contains("direction=\"ltr\"", "<rect x=\"" + SvgBarChart.LABEL_WIDTH + "\"");
        // labels on the right, ending at the axis; bars grow leftwards from it, the value beyond the bar's end
        assertThat(rtl).contains("direction=\"rtl\"",
                "<line x1=\"" + axis + "\"",
                "<text x=\"" + (axis + 8) + "\" y=\"26\" text-anchor=\"end\"",
                "<rect x=\"" + (axis - barSpace) + "\" y=\"13\" width=\"" + barSpace + "\"",
                "<rect x=\"" + (axis - barSpace / 2) + "\" y=\"41\" width=\"" + barSpace / 2 + "\"",
                "<text x=\"" + (axis - barSpace - 6) + "\" y=\"26\" fill=");
    }
}
