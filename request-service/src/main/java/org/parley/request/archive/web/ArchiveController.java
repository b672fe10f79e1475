package org.parley.request.archive.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.parley.common.check.Countries;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.common.transparency.web.ResponseFormat;
import org.parley.request.archive.ArchiveService;
import org.parley.request.archive.domain.ArchiveQuery;
import org.parley.request.shared.domain.RequestType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public archive of government requests: anyone, without a token, reads the requests that are
 * final and under no gag order, their subjects redacted. JSON, or CSV for {@code Accept: text/csv}
 * (or {@code ?format=csv}).
 */
@Tag(name = "Archive")
@RestController
@RequestMapping("/api/v1/archive/requests")
class ArchiveController {

    static final Set<String> OUTCOMES = Set.of("FULFILLED", "PARTIALLY_FULFILLED", "REJECTED", "CHALLENGED", "WITHDRAWN");
    static final int MAX_Q = 200;

    private final ArchiveService archive;

    ArchiveController(ArchiveService archive) {
        this.archive = archive;
    }

    @Operation(operationId = "searchArchive", summary = "Search the public archive of requests",
            description = "Anyone, without a token. Requests that are final (answered or withdrawn) and under no gag "
                    + "order, newest publication first, with their subjects redacted. Every filter is optional and "
                    + "they combine: `authority`, `company`, `country` (the authority's), `type`, `outcome` (the final "
                    + "state), `from`/`to` (the day the request was received, both included) and `q` (words of the "
                    + "legal basis, or a domain the subjects are on; all must match). Pages are keyset pages: "
                    + "`nextPageToken` continues where the page ended, however many requests are published meanwhile. "
                    + "JSON, or CSV with `Accept: text/csv` or `format=csv` (the page's records, one per line).")
    @ApiResponse(responseCode = "200", description = "a page of records", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ArchivePage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    description = "the page's records with a header line; the next page's token in the `Link` header"))})
    @GetMapping
    ResponseEntity<?> search(
            @Parameter(description = "the issuing authority's id") @RequestParam(required = false) String authority,
            @Parameter(description = "the target company's id") @RequestParam(required = false) String company,
            @Parameter(description = "the authority's country, ISO 3166-1 alpha-2", example = "DE")
            @RequestParam(required = false) String country,
            @Parameter(description = "the request type", schema = @Schema(allowableValues = {"INFORMATION", "REMOVAL_ORDER",
                    "REFERRAL", "PRESERVATION", "EMERGENCY_DISCLOSURE"})) @RequestParam(required = false) String type,
            @Parameter(description = "the final state", schema = @Schema(allowableValues = {"FULFILLED",
                    "PARTIALLY_FULFILLED", "REJECTED", "CHALLENGED", "WITHDRAWN"}))
            @RequestParam(required = false) String outcome,
            @Parameter(description = "received on or after this day (UTC)", example = "2026-01-01")
            @RequestParam(required = false) String from,
            @Parameter(description = "received on or before this day (UTC)", example = "2026-12-31")
            @RequestParam(required = false) String to,
            @Parameter(description = "words of the legal basis, or a domain", example = "2021/784")
            @RequestParam(required = false) String q,
            @Parameter(description = "1 to 500, default 50") @RequestParam(required = false) Integer pageSize,
            @Parameter(description = "the `nextPageToken` of the previous page") @RequestParam(required = false) String pageToken,
            @Parameter(description = "json or csv, for clients that cannot set Accept",
                    schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = ResponseFormat.wantsCsv(format, accept);
        ArchiveQuery query = query(authority, company, country, type, outcome, from, to, q, pageSize);
        int size = pageSize == null ? PageRequest.DEFAULT_SIZE : pageSize;
        Page<ArchivedRequestView> page = archive.search(query, size, pageToken).map(ArchivedRequestView::of);
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new ArchivePage(page.items(), page.nextPageToken()));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(ResponseFormat.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"request-archive.csv\"");
        if (page.nextPageToken() != null) {
            answer.header(HttpHeaders.LINK, "<?pageToken=" + page.nextPageToken() + ">; rel=\"next\"");
        }
        return answer.body(ArchiveCsv.of(page.items()));
    }

    @Operation(operationId = "getArchivedRequest", summary = "Read a request of the public archive",
            description = "Anyone, without a token. 404 unless the request is published: a request that is not final, "
                    + "or under a gag order, answers as one that does not exist.")
    @GetMapping("/{id}")
    ArchivedRequestView get(@PathVariable String id) {
        UUID parsed = Ids.parse(id).orElseThrow(() -> new NotFound("archived request", id));
        return ArchivedRequestView.of(archive.get(parsed));
    }

    @Schema(name = "ArchivePage")
    record ArchivePage(List<ArchivedRequestView> items, String nextPageToken) {}

    /** Reads the filters; every malformed one is named at once (422). */
    static ArchiveQuery query(String authority, String company, String country, String type, String outcome,
            String from, String to, String q, Integer pageSize) {
        FieldCheck check = FieldCheck.start();
        UUID authorityId = id(check, "authority", authority);
        UUID companyId = id(check, "company", company);
        String countryCode = blank(country) ? null : country.strip().toUpperCase(Locale.ROOT);
        if (countryCode != null && !Countries.isCode(countryCode)) {
            check.add("country", "must be an ISO 3166-1 alpha-2 code, e.g. DE");
        }
        RequestType requestType = null;
        if (!blank(type)) {
            try {
                requestType = RequestType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                check.add("type", "must be one of INFORMATION, REMOVAL_ORDER, REFERRAL, PRESERVATION, EMERGENCY_DISCLOSURE");
            }
        }
        String finalState = blank(outcome) ? null : outcome.strip().toUpperCase(Locale.ROOT);
        if (finalState != null && !OUTCOMES.contains(finalState)) {
            check.add("outcome", "must be one of FULFILLED, PARTIALLY_FULFILLED, REJECTED, CHALLENGED, WITHDRAWN");
            finalState = null;
        }
        LocalDate fromDay = day(check, "from", from);
        LocalDate toDay = day(check, "to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            check.add("to", "must not be before from");
        }
        String words = blank(q) ? null : q.strip();
        if (words != null && (words.length() > MAX_Q || !FieldCheck.printable(words))) {
            check.add("q", "must be printable text of at most " + MAX_Q + " characters");
        }
        if (pageSize != null && (pageSize < 1 || pageSize > PageRequest.MAX_SIZE)) {
            check.add("pageSize", "must be between 1 and " + PageRequest.MAX_SIZE);
        }
        check.orThrow();
        return new ArchiveQuery(authorityId, companyId, countryCode, requestType, finalState, fromDay, toDay, words);
    }

    private static UUID id(FieldCheck check, String field, String value) {
        if (blank(value)) {
            return null;
        }
        return Ids.parse(value.strip()).orElseGet(() -> {
            check.add(field, "must be a stakeholder id");
            return null;
        });
    }

    private static LocalDate day(FieldCheck check, String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            check.add(field, "must be a day, e.g. 2026-01-31");
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
