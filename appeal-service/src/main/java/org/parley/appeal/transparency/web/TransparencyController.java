package org.parley.appeal.transparency.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.parley.appeal.transparency.TransparencyService;
import org.parley.appeal.transparency.TransparencyService.Report;
import org.parley.common.kernel.Caller;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
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
@RestController
class TransparencyController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final TransparencyService transparency;

    TransparencyController(TransparencyService transparency) {
        this.transparency = transparency;
    }

    @GetMapping("/api/v1/transparency/appeals")
    ResponseEntity<?> figures(Caller caller,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String company,
            @RequestParam(required = false, defaultValue = "false") boolean exact,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Report report = transparency.report(caller, period, from, to, company, exact);
        // public figures may be kept by browsers and caches for a minute; exact ones are an admin's alone
        CacheControl cache = exact ? CacheControl.noStore() : CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
        if (wantsCsv(format, accept)) {
            return ResponseEntity.ok()
                    .cacheControl(cache)
                    .contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"appeal-transparency-" + report.period()
                            + ".csv\"")
                    .body(TransparencyCsv.write(report));
        }
        return ResponseEntity.ok().cacheControl(cache).contentType(MediaType.APPLICATION_JSON)
                .body(TransparencyView.of(report));
    }

    static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            return format.strip().equalsIgnoreCase("csv");
        }
        if (accept == null) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
            if (subtype.equals("csv")) {
                return true;
            }
            if (subtype.equals("json") || subtype.endsWith("+json")) {
                return false;
            }
        }
        return false;
    }
}
