package org.parley.appeal.dsa.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import org.parley.appeal.dsa.DsaExportService;
import org.parley.appeal.dsa.domain.DsaShape;
import org.parley.common.transparency.web.ResponseFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/exports/dsa/{day}/{full|light}.csv} and its {@code .sha1} / {@code .sha256}: public, as the
 * DSA database's own dumps are. A day's file is fixed once the day is over, so it may be cached for long.
 */
@Tag(name = "DSA export")
@RestController
class DsaExportController {

    private final DsaExportService exports;

    DsaExportController(DsaExportService exports) {
        this.exports = exports;
    }

    @Operation(operationId = "getDsaExport", summary = "Download a day's statements of reasons in the DSA database's shape",
            description = "Anyone, without a token: every notice recorded on that UTC day (once it is over), as a CSV "
                    + "file with the DSA Transparency Database's columns, `full` (all) or `light` (without the long "
                    + "texts). Streamed; its SHA-1 and SHA-256 are at the same address with `.sha1` / `.sha256`. The "
                    + "mapping field by field is in docs/dsa-export.md.")
    @ApiResponse(responseCode = "200", description = "the file", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")))
    @GetMapping("/api/v1/exports/dsa/{day}/{shape}.csv")
    void file(
            @Parameter(description = "a UTC day that is over", example = "2026-11-20") @PathVariable String day,
            @Parameter(schema = @Schema(allowableValues = {"full", "light"})) @PathVariable String shape,
            HttpServletResponse response) throws IOException {
        LocalDate date = exports.day(day);
        DsaShape kind = DsaExportService.shape(shape);
        // written on the request's own (virtual) thread, not handed to another: a response's headers are not safe to
        // touch from two threads, and the security filters write theirs when the request's thread leaves them
        response.setContentType(ResponseFormat.CSV.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.maxAge(Duration.ofHours(1)).cachePublic().getHeaderValue());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + DsaExportService.fileName(date, kind) + "\"");
        exports.write(date, kind, response.getOutputStream());
    }

    @Operation(operationId = "getDsaExportSha", summary = "The SHA-1 of a day's DSA file",
            description = "As `sha1sum` writes it: the hex digest, two spaces, the file's name.")
    @ApiResponse(responseCode = "200", description = "the checksum", content = @Content(mediaType = "text/plain",
            schema = @Schema(type = "string", example = "3f786850e387550fdab836ed7e6dc881de23001b  sor-parley-2026-11-20-full.csv")))
    @GetMapping("/api/v1/exports/dsa/{day}/{shape}.csv.sha1")
    ResponseEntity<String> sha1(@PathVariable String day, @PathVariable String shape) {
        return checksum(day, shape, "SHA-1");
    }

    @Operation(operationId = "getDsaExportChecksum", summary = "The SHA-256 of a day's DSA file",
            description = "As `sha256sum` writes it: the hex digest, two spaces, the file's name.")
    @ApiResponse(responseCode = "200", description = "the checksum", content = @Content(mediaType = "text/plain",
            schema = @Schema(type = "string")))
    @GetMapping("/api/v1/exports/dsa/{day}/{shape}.csv.sha256")
    ResponseEntity<String> sha256(@PathVariable String day, @PathVariable String shape) {
        return checksum(day, shape, "SHA-256");
    }

    private ResponseEntity<String> checksum(String day, String shape, String algorithm) {
        LocalDate date = exports.day(day);
        DsaShape kind = DsaExportService.shape(shape);
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(exports.digest(date, kind, algorithm) + "  " + DsaExportService.fileName(date, kind) + "\n");
    }
}
