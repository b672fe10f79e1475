package org.parley.appeal.notice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.parley.appeal.notice.NoticeService;
import org.parley.appeal.notice.RecordedNotice;
import org.parley.appeal.notice.domain.Ground;
import org.parley.appeal.notice.domain.Notice;
import org.parley.appeal.notice.domain.NoticeDraft;
import org.parley.appeal.notice.domain.NoticeStore.NoticeFilter;
import org.parley.appeal.notice.domain.Restriction;
import org.parley.appeal.shared.web.HistoryView;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notices")
@RestController
@RequestMapping("/api/v1/notices")
class NoticeController {

    private final NoticeService notices;

    NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    /**
     * The access code is in this answer and nowhere else: {@code no-store} keeps it out of caches and out of
     * the Idempotency-Key replay store (a replay answers the status and Location, without the code).
     */
    @Operation(operationId = "recordNotice", summary = "Record a statement of reasons",
            description = "Company responders, for their own company: why content was restricted, on which ground, "
                    + "and whether automation was involved; linked to the government request behind it, if any. The "
                    + "answer holds the notice's `reference` and its `accessCode`, shown this once and never stored "
                    + "in the clear: hand both to the person concerned, who claims the notice with them.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<RecordedView> record(Caller caller, @RequestBody RecordNotice body) {
        RecordedNotice recorded = notices.record(caller, body.draft());
        Notice n = recorded.notice();
        return ResponseEntity.created(URI.create("/api/v1/notices/" + n.id()))
                .cacheControl(CacheControl.noStore())
                .body(RecordedView.of(recorded));
    }

    /** A new access code for an unclaimed notice; the old one stops working. */
    @Operation(operationId = "replaceAccessCode", summary = "Issue a new access code",
            description = "The company's responders, while the notice is unclaimed: the old code stops working; the "
                    + "new one is shown this once.")
    @PostMapping("/{id}/access-code")
    ResponseEntity<RecordedView> replaceAccessCode(Caller caller, @PathVariable String id) {
        RecordedNotice replaced = notices.reissueAccessCode(caller, parse(id));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .location(URI.create("/api/v1/notices/" + replaced.notice().id()))
                .body(RecordedView.of(replaced));
    }

    @Operation(operationId = "listNotices", summary = "List notices",
            description = "Responders see their company's, an appellant the ones they claimed, reviewers and admins "
                    + "every one. Filter by `claimed` and `requestId`. The statement in plain words is in the "
                    + "`Accept-Language` asked for.")
    @GetMapping
    @Parameter(in = ParameterIn.HEADER, name = "Accept-Language", description = ExplanationLanguages.WANTED,
            schema = @Schema(type = "string", example = "de"))
    @ApiResponse(responseCode = "200", description = "one page of notices", headers = {
            @Header(name = "Content-Language", description = ExplanationLanguages.GIVEN, schema = @Schema(type = "string",
                    allowableValues = {"en", "fr", "de", "ar"})),
            @Header(name = "Vary", description = "Accept-Language", schema = @Schema(type = "string"))})
    ResponseEntity<Page<NoticeView>> list(Caller caller, Locale language,
            @RequestParam(required = false) Boolean claimed,
            @RequestParam(required = false) String requestId,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        UUID request = null;
        if (requestId != null) {
            request = Ids.parse(requestId).orElseThrow(() -> RuleViolation.ofField("requestId", "must be a request id"));
        }
        Page<NoticeView> page = notices.list(caller, new NoticeFilter(claimed, request),
                PageRequest.of(pageSize, pageToken), language).map(NoticeView::of);
        return ExplanationLanguages.labelled(ResponseEntity.ok(), language).body(page);
    }

    @Operation(operationId = "getNotice", summary = "Read a notice",
            description = "As in the list: the statement of reasons, in plain words in the language asked for, with "
                    + "the government order behind it as far as the caller may know it (`order` is null when there is "
                    + "none, and only `confidential` and `until` while a gag order holds).")
    @GetMapping("/{id}")
    @Parameter(in = ParameterIn.HEADER, name = "Accept-Language", description = ExplanationLanguages.WANTED,
            schema = @Schema(type = "string", example = "de"))
    @ApiResponse(responseCode = "200", description = "the notice", headers = {
            @Header(name = "Content-Language", description = ExplanationLanguages.GIVEN, schema = @Schema(type = "string",
                    allowableValues = {"en", "fr", "de", "ar"})),
            @Header(name = "Vary", description = "Accept-Language", schema = @Schema(type = "string"))})
    ResponseEntity<NoticeView> get(Caller caller, Locale language, @PathVariable String id) {
        NoticeView view = NoticeView.of(notices.read(caller, parse(id), language));
        return ExplanationLanguages.labelled(ResponseEntity.ok(), language).body(view);
    }

    @Operation(operationId = "getNoticeHistory", summary = "Read a notice's history",
            description = "Whoever may see the notice: its audit records, less what the caller may not know of the "
                    + "actor.")
    @GetMapping("/{id}/history")
    List<HistoryView> history(Caller caller, @PathVariable String id) {
        NoticeService.Viewed<List<org.parley.common.audit.AuditRecord>> history = notices.history(caller, parse(id));
        return HistoryView.of(history.value(), history.access());
    }

    private static UUID parse(String id) {
        return Ids.parse(id).orElseThrow(() -> new NotFound(NoticeService.ENTITY, id));
    }

    record RecordNotice(String contentRef, String accountRef, Restriction restriction, List<String> territorialScope,
            Ground ground, String legalReference, String termsReference, String category, String facts,
            Boolean automatedDetection, Boolean automatedDecision, Instant decidedAt, String requestId, String language) {

        NoticeDraft draft() {
            return new NoticeDraft(contentRef, accountRef, restriction, territorialScope, ground, legalReference,
                    termsReference, category, facts, automatedDetection, automatedDecision, decidedAt, requestId,
                    language);
        }
    }

    /** The answer to recording: the access code appears here and never again. */
    record RecordedView(String id, String reference, String accessCode, Instant appealUntil) {

        static RecordedView of(RecordedNotice recorded) {
            Notice n = recorded.notice();
            return new RecordedView(n.id().toString(), n.reference().value(), recorded.accessCode(), n.appealClosesAt());
        }
    }
}
