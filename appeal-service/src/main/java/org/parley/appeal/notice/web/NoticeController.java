package org.parley.appeal.notice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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
    private final JsonMapper json;

    NoticeController(NoticeService notices, JsonMapper json) {
        this.notices = notices;
        this.json = json;
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
    @ApiResponse(responseCode = "200", description = "the company recorded a notice with this `puid` before: its id "
            + "and reference, without an access code; nothing was stored")
    ResponseEntity<RecordedView> record(Caller caller, @RequestBody RecordNotice body) {
        return switch (notices.record(caller, body.draft(), body.puid())) {
            case NoticeService.Created created -> ResponseEntity
                    .created(URI.create("/api/v1/notices/" + created.recorded().notice().id()))
                    .cacheControl(CacheControl.noStore())
                    .body(RecordedView.of(created.recorded()));
            case NoticeService.Existing existing -> ResponseEntity.ok()
                    .location(URI.create("/api/v1/notices/" + existing.id()))
                    .cacheControl(CacheControl.noStore())
                    .body(new RecordedView(existing.id().toString(), existing.reference().value(), null, null));
            case NoticeService.Invalid invalid -> throw RuleViolation.ofFields(invalid.errors());
        };
    }

    /**
     * Each item is read on its own: one with a wrong type or an unknown value (a restriction that does not
     * exist) is answered INVALID in its place, as one with a broken rule is, and the others are stored.
     */
    @Operation(operationId = "recordNotices", summary = "Record many statements of reasons at once",
            description = "Company responders, for their own company: up to 1,000 notices, each the body of "
                    + "`POST /api/v1/notices` with an optional `puid` (the company's own unique id of the statement, "
                    + "≤ 500 characters, as in the DSA Transparency Database). Each is checked on its own: the valid "
                    + "ones are stored (all in one transaction), the broken ones answered `INVALID` with their "
                    + "errors, by `position` in the list. A `puid` recorded before, or earlier in the same batch, "
                    + "answers `EXISTING` with that notice's id and reference and stores nothing: sending a batch "
                    + "again is safe. The access code of each `CREATED` notice is in this answer only, so an "
                    + "`Idempotency-Key` replay answers the status alone: send puids to make a batch safe to resend. "
                    + "More than 1,000 notices, or none, is refused (422).")
    @PostMapping("/batch")
    ResponseEntity<BatchView> recordAll(Caller caller, @RequestBody BatchBody body) {
        // an empty or missing list is the service's to refuse, after it has checked who is asking
        List<JsonNode> sent = body.notices() == null ? List.of() : body.notices();
        List<NoticeService.Item> items = new ArrayList<>(sent.size());
        Map<Integer, List<RuleViolation.FieldError>> unreadable = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            JsonNode node = sent.get(i);
            try {
                RecordNotice one = node == null || !node.isObject() ? null : json.treeToValue(node, RecordNotice.class);
                items.add(one == null ? null : new NoticeService.Item(one.draft(), one.puid()));
            } catch (JacksonException e) {
                items.add(null);
                unreadable.put(i, List.of(new RuleViolation.FieldError(fieldOf(e), "has the wrong type or an unknown value")));
            }
        }
        List<NoticeService.Outcome> outcomes = notices.recordAll(caller, items);
        List<BatchItemView> views = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            NoticeService.Outcome outcome = unreadable.containsKey(i) ? new NoticeService.Invalid(unreadable.get(i))
                    : outcomes.get(i);
            views.add(BatchItemView.of(i, outcome));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(BatchView.of(views));
    }

    private static String fieldOf(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "notice" : field.toString();
    }

    @Operation(operationId = "searchPublicNotices", summary = "Search statements of reasons, as the public may see them",
            description = "Anyone, without a token: the statements of reasons of every company, newest first, "
                    + "without the account concerned, the content's address, the access code, the decider or the "
                    + "owner. Narrow by `company`, `ground`, `category`, `restriction`, `automatedDetection`, "
                    + "`automatedDecision`, and by recording time (`from` inclusive, `to` exclusive, RFC 3339). "
                    + "Pages (`pageSize` up to 500, default 50) follow with the opaque `pageToken` of the page "
                    + "before, stable while notices are added.")
    @GetMapping("/public")
    ResponseEntity<Page<PublicNoticeView>> search(
            @Parameter(description = "the company's stakeholder id") @RequestParam(required = false) String company,
            @RequestParam(required = false) Ground ground,
            @Parameter(description = "a category code of the content guidance", example = "TERRORIST_CONTENT")
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Restriction restriction,
            @RequestParam(required = false) Boolean automatedDetection,
            @RequestParam(required = false) Boolean automatedDecision,
            @Parameter(description = "recorded at or after", example = "2026-11-01T00:00:00Z")
            @RequestParam(required = false) String from,
            @Parameter(description = "recorded before", example = "2026-12-01T00:00:00Z")
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        Page<PublicNoticeView> page = notices.search(company, ground, category, restriction, automatedDetection,
                automatedDecision, from, to, pageSize, pageToken).map(PublicNoticeView::of);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(page);
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
            Boolean automatedDetection, Boolean automatedDecision, Instant decidedAt, String requestId, String language,
            @Schema(description = "the company's own unique id of this statement (optional, at most 500 characters); "
                    + "sent again, it answers the notice recorded with it", example = "sor-2026-11-20-000123")
            String puid) {

        NoticeDraft draft() {
            return new NoticeDraft(contentRef, accountRef, restriction, territorialScope, ground, legalReference,
                    termsReference, category, facts, automatedDetection, automatedDecision, decidedAt, requestId,
                    language);
        }
    }

    /** A batch: up to 1,000 bodies of {@code POST /api/v1/notices}, each with an optional puid. */
    record BatchBody(@ArraySchema(arraySchema = @Schema(description = "the notices, each as the body of `POST "
            + "/api/v1/notices` with an optional `puid`"), schema = @Schema(implementation = RecordNotice.class),
            minItems = 1, maxItems = NoticeService.MAX_BATCH) List<JsonNode> notices) {}

    /** What became of each notice of a batch, by its position, and how many of each. */
    record BatchView(List<BatchItemView> items, int created, int existing, int invalid) {

        static BatchView of(List<BatchItemView> items) {
            int created = 0;
            int existing = 0;
            int invalid = 0;
            for (BatchItemView item : items) {
                switch (item.status()) {
                    case "CREATED" -> created++;
                    case "EXISTING" -> existing++;
                    default -> invalid++;
                }
            }
            return new BatchView(items, created, existing, invalid);
        }
    }

    record BatchItemView(int position,
            @Schema(allowableValues = {"CREATED", "EXISTING", "INVALID"}) String status,
            String id, String reference,
            @Schema(description = "CREATED only, and only in this answer") String accessCode,
            Instant appealUntil,
            List<RuleViolation.FieldError> errors) {

        static BatchItemView of(int position, NoticeService.Outcome outcome) {
            return switch (outcome) {
                case NoticeService.Created created -> {
                    Notice n = created.recorded().notice();
                    yield new BatchItemView(position, "CREATED", n.id().toString(), n.reference().value(),
                            created.recorded().accessCode(), n.appealClosesAt(), List.of());
                }
                case NoticeService.Existing existing -> new BatchItemView(position, "EXISTING", existing.id().toString(),
                        existing.reference().value(), null, null, List.of());
                case NoticeService.Invalid invalid -> new BatchItemView(position, "INVALID", null, null, null, null,
                        invalid.errors());
            };
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
