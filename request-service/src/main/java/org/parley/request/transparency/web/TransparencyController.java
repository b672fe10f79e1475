package org.parley.request.transparency.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.transparency.CalendarPeriod;
import org.parley.common.transparency.web.PeriodParameter;
import org.parley.common.transparency.web.ResponseFormat;
import org.parley.request.transparency.TransparencyService;
import org.parley.request.transparency.domain.Dimension;
import org.parley.request.transparency.domain.RequestReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public report on government requests: JSON by default, CSV for {@code Accept: text/csv} (or
 * {@code ?format=csv}). The CSV holds one table: the breakdown, or with {@code ?table=authorities}
 * each authority's record. No login: every figure is already safe to publish. The period is a whole calendar
 * period that is over ({@code ?period=2026-Q3}; {@code from}/{@code to} only when they are exactly one).
 */
@Tag(name = "Transparency")
@RestController
class TransparencyController {

    private final TransparencyService reports;
    private final Clock clock;

    TransparencyController(TransparencyService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Operation(operationId = "getRequestTransparency", summary = "Read the transparency report on government requests",
            description = "Anyone, without a token. One calendar period that is over (`period=2026-Q3`, or `from` "
                    + "and `to` naming exactly one), broken down by `groupBy` (any of country, type, outcome, "
                    + "company), with each authority's record. Counts below the threshold `k` read `<k`, so `count` "
                    + "is a string. JSON, or CSV with `Accept: text/csv` or `format=csv` (one table: the breakdown, "
                    + "or each authority's record with `table=authorities`).")
    @ApiResponse(responseCode = "200", description = "the report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    description = "one table, with a header line; a download named after the period"))})
    @GetMapping("/api/v1/transparency/requests")
    ResponseEntity<?> report(
            @Parameter(description = "a calendar period that is over: a year, a quarter or a month",
                    example = "2026-Q3") @RequestParam(required = false) String period,
            @Parameter(description = "with `to`, the first day of exactly one calendar period",
                    example = "2026-07-01") @RequestParam(required = false) String from,
            @Parameter(description = "with `from`, the last day of that period", example = "2026-09-30")
            @RequestParam(required = false) String to,
            @Parameter(description = "the breakdown: a comma-separated list of country, type, outcome, company",
                    example = "country,type") @RequestParam(required = false) String groupBy,
            @Parameter(description = "which table the CSV holds", schema = @Schema(allowableValues = {"rows", "authorities"}))
            @RequestParam(required = false) String table,
            @Parameter(description = "json or csv, for clients that cannot set Accept",
                    schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        CalendarPeriod chosen = PeriodParameter.read(period, from, to, true, today);
        List<Dimension> dimensions = Dimension.parse(groupBy);
        boolean authorities = table != null && !table.isBlank() && checkTable(table);
        RequestReport report = reports.report(chosen, dimensions, today);
        if (!ResponseFormat.wantsCsv(format, accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        String name = "request-transparency-" + (authorities ? "authorities-" : "") + chosen + ".csv";
        return ResponseEntity.ok()
                .contentType(ResponseFormat.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(authorities ? ReportCsv.authorities(report) : ReportCsv.rows(report));
    }

    private static boolean checkTable(String table) {
        return switch (table.strip()) {
            case "rows" -> false;
            case "authorities" -> true;
            default -> throw RuleViolation.ofField("table", "must be rows or authorities");
        };
    }

}
