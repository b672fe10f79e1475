package org.parley.appeal.notice.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
    @PostMapping
    ResponseEntity<RecordedView> record(Caller caller, @RequestBody RecordNotice body) {
        RecordedNotice recorded = notices.record(caller, body.draft());
        Notice n = recorded.notice();
        return ResponseEntity.created(URI.create("/api/v1/notices/" + n.id()))
                .cacheControl(CacheControl.noStore())
                .body(RecordedView.of(recorded));
    }

    /** A new access code for an unclaimed notice; the old one stops working. */
    @PostMapping("/{id}/access-code")
    ResponseEntity<RecordedView> replaceAccessCode(Caller caller, @PathVariable String id) {
        RecordedNotice replaced = notices.reissueAccessCode(caller, parse(id));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .location(URI.create("/api/v1/notices/" + replaced.notice().id()))
                .body(RecordedView.of(replaced));
    }

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
