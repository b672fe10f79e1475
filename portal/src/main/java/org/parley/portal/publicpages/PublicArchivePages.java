package org.parley.portal.publicpages;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.api.Apis;
import org.parley.portal.api.NotFoundPage;
import org.parley.portal.publicpages.ArchiveApi.Archived;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public archive of government requests: the requests that are final and under no gag order,
 * searchable, each with its record and its subjects as published, redacted. Everyone sees the same,
 * so every call is anonymous. A filter the page cannot read is left out rather than sent.
 */
@Controller
class PublicArchivePages {

    static final String ARCHIVE = "/api/v1/archive/requests";
    static final List<String> TYPES = List.of("REMOVAL_ORDER", "REFERRAL", "INFORMATION", "PRESERVATION",
            "EMERGENCY_DISCLOSURE");
    static final List<String> OUTCOMES = List.of("FULFILLED", "PARTIALLY_FULFILLED", "REJECTED", "CHALLENGED", "WITHDRAWN");
    static final int PAGE_SIZE = 25;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_=.-]{1,500}");

    private final Apis apis;

    PublicArchivePages(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/archive")
    ModelAndView archive(@RequestParam(required = false) String country, @RequestParam(required = false) String type,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String q,
            @RequestParam(required = false) String authority, @RequestParam(required = false) String company,
            @RequestParam(required = false) String pageToken) {
        ArchiveFilters filters = ArchiveFilters.read(country, type, outcome, from, to, q, authority, company);
        String token = pageToken != null && TOKEN.matcher(pageToken).matches() ? pageToken : null;
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("pageSize", PAGE_SIZE);
        paging.put("pageToken", token);
        ApiResult<ArchiveApi.Page> page = apis.anonymous().get(filters.path(ARCHIVE, paging), ArchiveApi.Page.class);
        String more = page.answer().map(ArchiveApi.Page::nextPageToken).filter(t -> TOKEN.matcher(t).matches())
                .map(t -> filters.path("/archive", Map.of("pageToken", t))).orElse(null);
        return new ModelAndView("publicpages/archive")
                .addObject("filters", filters)
                .addObject("results", page)
                .addObject("types", TYPES)
                .addObject("outcomes", OUTCOMES)
                .addObject("first", token == null)
                .addObject("firstPage", filters.path("/archive", Map.of()))
                .addObject("more", more)
                .addObject("download", filters.path("/archive/download.csv", Map.of()));
    }

    @GetMapping("/archive/requests/{id}")
    ModelAndView record(@PathVariable String id) {
        if (!PublicCommitmentPages.ID.matcher(id).matches()) {
            throw new NotFoundPage();
        }
        Archived record = apis.anonymous().get(ARCHIVE + "/" + id, Archived.class).orNotFound();
        return new ModelAndView("publicpages/archive-record").addObject("record", record);
    }

    /** The page of records as CSV, as the API makes it. */
    @GetMapping("/archive/download.csv")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String country, @RequestParam(required = false) String type,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String q,
            @RequestParam(required = false) String authority, @RequestParam(required = false) String company) {
        ArchiveFilters filters = ArchiveFilters.read(country, type, outcome, from, to, q, authority, company);
        String path = filters.path(ARCHIVE, Map.of("pageSize", 500, "format", "csv"));
        var file = switch (apis.anonymous().download(path, PublicTransparencyPages.CSV)) {
            case ApiResult.Ok<org.parley.portal.api.Api.Download> ok -> ok.value();
            case ApiResult.Refused<org.parley.portal.api.Api.Download> refused -> throw new ApiResult.ApiRefusal(refused.problem());
            case ApiResult.Unavailable<org.parley.portal.api.Api.Download> unavailable ->
                    throw new ApiResult.ServiceUnavailable(ApiService.REQUEST);
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("parley-archive.csv", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.body());
    }
}
