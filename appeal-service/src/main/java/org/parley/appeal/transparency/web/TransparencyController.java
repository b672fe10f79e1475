package org.parley.appeal.transparency.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.parley.appeal.transparency.TransparencyService.Report;
import org.parley.appeal.transparency.TransparencyService;
import org.parley.common.kernel.Caller;
import org.parley.common.transparency.web.ResponseFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/transparency/appeals}: public, no login. JSON by default; CSV with
 * {@code Accept: text/csv} or {@code ?format=csv}. The period is a whole calendar period that is over
 * ({@code ?period=2026-Q3}; {@code from}/{@code to} only when they are exactly one, {@code to} exclusive).
 */
@Tag(name = "Transparency")
@RestController
class TransparencyController {

    private final TransparencyService transparency;

    TransparencyController(TransparencyService transparency) {
        this.transparency = transparency;
    }

    @Operation(operationId = "getAppealTransparency", summary = "Read the transparency figures on notices and appeals",
            description = "Anyone, without a token. One calendar period that is over (`period=2026-Q3`, or `from` "
                    + "and `to` naming exactly one, `to` exclusive), optionally one `company`; small counts are "
                    + "suppressed. `exact=true` (admins only) shows them unsuppressed. JSON, or CSV with `Accept: "
                    + "text/csv` or `format=csv`.")
    @ApiResponse(responseCode = "200", description = "the figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TransparencyView.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "the figures as one table"))})
    @GetMapping("/api/v1/transparency/appeals")
    ResponseEntity<?> figures(Caller caller,
            @Parameter(description = "a calendar period that is over: a year, a quarter or a month",
                    example = "2026-Q3") @RequestParam(required = false) String period,
            @Parameter(description = "with `to`, the first day of exactly one calendar period",
                    example = "2026-07-01") @RequestParam(required = false) String from,
            @Parameter(description = "with `from`, the day after that period (exclusive)", example = "2026-10-01")
            @RequestParam(required = false) String to,
            @Parameter(description = "one company's figures, by its stakeholder id") @RequestParam(required = false)
            String company,
            @Parameter(description = "admins only: the counts without suppression")
            @RequestParam(required = false, defaultValue = "false") boolean exact,
            @Parameter(description = "json or csv, for clients that cannot set Accept",
                    schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Report report = transparency.report(caller, period, from, to, company, exact);
        // public figures may be kept by browsers and caches for a minute; exact ones are an admin's alone
        CacheControl cache = exact ? CacheControl.noStore() : CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
        if (ResponseFormat.wantsCsv(format, accept)) {
            return ResponseEntity.ok()
                    .cacheControl(cache)
                    .contentType(ResponseFormat.CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"appeal-transparency-" + report.period()
                            + ".csv\"")
                    .body(TransparencyCsv.write(report));
        }
        return ResponseEntity.ok().cacheControl(cache).contentType(MediaType.APPLICATION_JSON)
                .body(TransparencyView.of(report));
    }

}
