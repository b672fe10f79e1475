package org.parley.portal.publicpages;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.portal.publicpages.PublicApi.AuthorityRecord;
import org.parley.portal.publicpages.PublicApi.RequestRow;
import org.parley.portal.web.Page;

/**
 * How the public pages write the API's figures in the page's language: counts (a withheld
 * {@code "<5"} stays as the API wrote it), shares, hours and days, countries and periods; and
 * the charts of the request figures. A figure the API left out is said to be withheld, never
 * shown as zero.
 */
public final class Figures {

    /** What a report can be broken down by, as request-service names it in {@code ?groupBy=}. */
    public enum Dimension {
        TYPE, COUNTRY, OUTCOME, COMPANY;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Dimension of(String param) {
            for (Dimension d : values()) {
                if (d.param().equalsIgnoreCase(param == null ? "" : param.strip())) {
                    return d;
                }
            }
            return null;
        }
    }

    private Figures() {
    }

    /** A count as the API gave it: a number in the page's format, or {@code "<5"} as written. */
    public static String count(Page page, String shown) {
        if (shown == null) {
            return page.t("pub.withheld");
        }
        Double value = SvgBarChart.count(shown);
        return value == null ? shown : page.number(value.longValue());
    }

    public static String share(Page page, Double share) {
        if (share == null) {
            return page.t("pub.withheld");
        }
        NumberFormat percent = NumberFormat.getPercentInstance(page.locale());
        percent.setMaximumFractionDigits(1);
        return percent.format(share);
    }

    /** A time in hours as people say it: "under 1 min", "36 min", "1 h 05 min", "3 d 4 h". */
    public static String hours(Page page, Double hours) {
        if (hours == null) {
            return page.t("pub.withheld");
        }
        long minutes = Math.round(hours * 60);
        return minutes < 1 ? page.t("pub.underAMinute") : page.duration(Duration.ofMinutes(minutes));
    }

    public static String days(Page page, Double days) {
        return days == null ? page.t("pub.withheld") : page.t("pub.days", page.decimal(days));
    }

    /** A measured value or a pledged target in its unit (HOURS, DAYS, SHARE, COUNT). */
    public static String inUnit(Page page, Double value, String unit) {
        if (value == null) {
            return page.t("pub.withheld");
        }
        return switch (unit == null ? "" : unit) {
            case "HOURS" -> hours(page, value);
            case "DAYS" -> days(page, value);
            case "SHARE" -> share(page, value);
            case "COUNT" -> page.number(value);
            default -> page.decimal(value);
        };
    }

    /** An answer time of the standards, e.g. 60 minutes → "1 h 00 min", 14400 → "10 d 0 h". */
    public static String minutes(Page page, Long minutes) {
        return minutes == null ? "" : page.duration(Duration.ofMinutes(minutes));
    }

    /** A country's name in the page's language, from its ISO code. */
    public static String country(Page page, String code) {
        if (code == null || code.isBlank()) {
            return page.t("pub.country.none");
        }
        String name = Locale.of("", code.strip()).getDisplayCountry(page.locale());
        return name.isBlank() || name.equalsIgnoreCase(code.strip()) ? code : name;
    }

    public static String period(Page page, Period period) {
        return switch (period.kind()) {
            case YEAR -> page.digits(period.year());
            case HALF -> page.t("pub.period.half", period.index(), page.digits(period.year()));
            case QUARTER -> page.t("pub.period.quarter", period.index(), page.digits(period.year()));
            case MONTH -> page.t("pub.period.month",
                    period.month().getDisplayName(TextStyle.FULL_STANDALONE, page.locale()), page.digits(period.year()));
        };
    }

    /** The name of a part of the year in the chooser: "Whole year", "First half", "Q3", "July". */
    public static String part(Page page, Period.Kind kind, String part) {
        return switch (kind) {
            case YEAR -> page.t("pub.part.year");
            case HALF -> page.t("pub.part.half." + part.substring(1));
            case QUARTER -> page.t("pub.part.quarter", part.substring(1));
            case MONTH -> java.time.Month.of(Integer.parseInt(part)).getDisplayName(TextStyle.FULL_STANDALONE, page.locale());
        };
    }

    /** A row's value of one dimension, in words. */
    public static String label(Page page, Dimension dimension, RequestRow row) {
        return switch (dimension) {
            case TYPE -> row.type() == null ? "" : page.tOr("pub.requestType." + row.type(), row.type());
            case COUNTRY -> country(page, row.country());
            case OUTCOME -> row.outcome() == null ? "" : page.tOr("pub.outcome." + row.outcome(), row.outcome());
            case COMPANY -> row.company() == null ? "" : row.company();
        };
    }

    /** The chart of one breakdown: a bar per row, its length the count (none for a withheld count). */
    public static String requestChart(Page page, String id, String title, Dimension dimension, List<RequestRow> rows) {
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        for (RequestRow row : rows) {
            bars.add(new SvgBarChart.Bar(label(page, dimension, row), SvgBarChart.count(row.count()),
                    count(page, row.count())));
        }
        return SvgBarChart.render(id, title, page.t("pub.chart.desc"), bars, null, page.t("pub.chart.empty"),
                page.rightToLeft());
    }

    /** Requests sent by each authority. */
    public static String authorityChart(Page page, String id, List<AuthorityRecord> records) {
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        for (AuthorityRecord a : records) {
            bars.add(new SvgBarChart.Bar(a.authority(), SvgBarChart.count(a.requests()), count(page, a.requests())));
        }
        return SvgBarChart.render(id, page.t("pub.authorities.chart"), page.t("pub.chart.desc"), bars, null,
                page.t("pub.chart.empty"), page.rightToLeft());
    }

    /** Bars of counts under the given labels. */
    public static String countChart(Page page, String id, String title, List<String> labels, List<String> counts) {
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            bars.add(new SvgBarChart.Bar(labels.get(i), SvgBarChart.count(counts.get(i)), count(page, counts.get(i))));
        }
        return SvgBarChart.render(id, title, page.t("pub.chart.desc"), bars, null, page.t("pub.chart.empty"),
                page.rightToLeft());
    }

    /** Bars of shares (0 to 1, a full bar being 100 %); a withheld share draws no bar. */
    public static String shareChart(Page page, String id, String title, List<String> labels, List<Double> shares) {
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            bars.add(new SvgBarChart.Bar(labels.get(i), shares.get(i), share(page, shares.get(i))));
        }
        return SvgBarChart.render(id, title, page.t("pub.chart.desc"), bars, 1.0, page.t("pub.chart.empty"),
                page.rightToLeft());
    }
}
