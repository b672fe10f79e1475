package org.parley.portal.publicpages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.publicpages.Figures.Dimension;
import org.parley.portal.publicpages.PublicApi.AppealReport;
import org.parley.portal.publicpages.PublicApi.RequestReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public transparency report: government requests, notices and appeals, and each
 * authority's record, for any whole calendar period that is over, with their CSV and JSON. Everyone sees
 * the same figures, so every call is anonymous.
 */
@Controller
class PublicTransparencyPages {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final List<Dimension> DEFAULT_GROUPING = List.of(Dimension.COUNTRY, Dimension.TYPE);
    static final String REQUESTS = "/api/v1/transparency/requests";
    static final String APPEALS = "/api/v1/transparency/appeals";

    private final Apis apis;
    private final Clock clock;

    PublicTransparencyPages(Apis apis) {
        this.apis = apis;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/transparency/requests")
    ModelAndView requests(@RequestParam(required = false) String period, @RequestParam(required = false) String year,
            @RequestParam(required = false) String part, @RequestParam(required = false) List<String> groupBy) {
        Period chosen = Period.of(period, year, part, today());
        List<Dimension> grouping = grouping(groupBy);
        Api api = apis.anonymous();
        Map<Dimension, Api.Fork<RequestReport>> charts = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            charts.put(dimension, api.fork(() -> api.get(requestsPath(chosen, List.of(dimension), null, null),
                    RequestReport.class)));
        }
        Api.Fork<RequestReport> detail = api.fork(() -> api.get(requestsPath(chosen, grouping, null, null),
                RequestReport.class));
        List<Breakdown> breakdowns = new ArrayList<>();
        charts.forEach((dimension, fork) -> breakdowns.add(new Breakdown(dimension, fork.join(ApiService.REQUEST))));
        return page("publicpages/requests", chosen)
                .addObject("grouping", grouping)
                .addObject("breakdowns", breakdowns)
                .addObject("detail", detail.join(ApiService.REQUEST));
    }

    @GetMapping("/transparency/requests/download.csv")
    ResponseEntity<byte[]> requestsCsv(@RequestParam(required = false) String period,
            @RequestParam(required = false) List<String> groupBy) {
        Period chosen = Period.parse(period, today());
        return download(requestsPath(chosen, grouping(groupBy), null, "csv"), CSV, "parley-requests-" + chosen.code() + ".csv");
    }

    @GetMapping("/transparency/requests/download.json")
    ResponseEntity<byte[]> requestsJson(@RequestParam(required = false) String period,
            @RequestParam(required = false) List<String> groupBy) {
        Period chosen = Period.parse(period, today());
        return download(requestsPath(chosen, grouping(groupBy), null, "json"), MediaType.APPLICATION_JSON,
                "parley-requests-" + chosen.code() + ".json");
    }

    @GetMapping("/transparency/appeals")
    ModelAndView appeals(@RequestParam(required = false) String period, @RequestParam(required = false) String year,
            @RequestParam(required = false) String part) {
        Period chosen = Period.of(period, year, part, today());
        ApiResult<AppealReport> report = apis.anonymous().get(appealsPath(chosen, null), AppealReport.class);
        return page("publicpages/appeals", chosen).addObject("report", report);
    }

    @GetMapping("/transparency/appeals/download.csv")
    ResponseEntity<byte[]> appealsCsv(@RequestParam(required = false) String period) {
        Period chosen = Period.parse(period, today());
        return download(appealsPath(chosen, "csv"), CSV, "parley-notices-and-appeals-" + chosen.code() + ".csv");
    }

    @GetMapping("/transparency/appeals/download.json")
    ResponseEntity<byte[]> appealsJson(@RequestParam(required = false) String period) {
        Period chosen = Period.parse(period, today());
        return download(appealsPath(chosen, "json"), MediaType.APPLICATION_JSON,
                "parley-notices-and-appeals-" + chosen.code() + ".json");
    }

    @GetMapping("/authorities")
    ModelAndView authorities(@RequestParam(required = false) String period, @RequestParam(required = false) String year,
            @RequestParam(required = false) String part) {
        Period chosen = Period.of(period, year, part, today());
        // the authority records do not depend on the breakdown: ask for the smallest one
        ApiResult<RequestReport> report = apis.anonymous()
                .get(requestsPath(chosen, List.of(Dimension.COUNTRY), null, null), RequestReport.class);
        return page("publicpages/authorities", chosen).addObject("report", report);
    }

    @GetMapping("/authorities/download.csv")
    ResponseEntity<byte[]> authoritiesCsv(@RequestParam(required = false) String period) {
        Period chosen = Period.parse(period, today());
        return download(requestsPath(chosen, List.of(Dimension.COUNTRY), "authorities", "csv"), CSV,
                "parley-authorities-" + chosen.code() + ".csv");
    }

    private ModelAndView page(String view, Period chosen) {
        LocalDate today = today();
        Map<Period.Kind, List<String>> parts = new LinkedHashMap<>();
        for (Period.Kind kind : Period.Kind.values()) {
            List<String> over = Period.parts(kind, chosen.year(), today);
            if (!over.isEmpty()) {
                parts.put(kind, over);
            }
        }
        ModelAndView page = new ModelAndView(view);
        page.addObject("period", chosen);
        page.addObject("years", Period.years(today));
        page.addObject("parts", parts);
        page.addObject("previous", chosen.previous().offered(today) ? chosen.previous() : null);
        page.addObject("next", chosen.next().offered(today) ? chosen.next() : null);
        return page;
    }

    /** The file as the API made it, under a name that says what and which period it holds. */
    private ResponseEntity<byte[]> download(String path, MediaType type, String filename) {
        Api.Download file = switch (apis.anonymous().download(path, type)) {
            case ApiResult.Ok<Api.Download> ok -> ok.value();
            case ApiResult.Refused<Api.Download> refused -> throw new ApiResult.ApiRefusal(refused.problem());
            case ApiResult.Unavailable<Api.Download> unavailable -> throw new ApiResult.ServiceUnavailable(
                    unavailable.service() == null ? ApiService.of(path) : unavailable.service());
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.body());
    }

    static String requestsPath(Period period, List<Dimension> grouping, String table, String format) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(REQUESTS)
                .queryParam("period", period.code())
                .queryParam("groupBy", String.join(",", grouping.stream().map(Dimension::param).toList()));
        if (table != null) {
            uri.queryParam("table", table);
        }
        if (format != null) {
            uri.queryParam("format", format);
        }
        return uri.build().toUriString();
    }

    /** Both services name the period alike: {@code period=2026-Q3}. */
    static String appealsPath(Period period, String format) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(APPEALS)
                .queryParam("period", period.code());
        if (format != null) {
            uri.queryParam("format", format);
        }
        return uri.build().toUriString();
    }

    /** The dimensions chosen for the detailed table, in the API's order; none or only unknown ones: the default. */
    static List<Dimension> grouping(List<String> groupBy) {
        if (groupBy == null) {
            return DEFAULT_GROUPING;
        }
        List<Dimension> chosen = new ArrayList<>();
        for (String value : groupBy) {
            for (String part : value.split(",")) {
                Dimension dimension = Dimension.of(part);
                if (dimension != null && !chosen.contains(dimension)) {
                    chosen.add(dimension);
                }
            }
        }
        chosen.sort(null);
        return chosen.isEmpty() ? DEFAULT_GROUPING : List.copyOf(chosen);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
