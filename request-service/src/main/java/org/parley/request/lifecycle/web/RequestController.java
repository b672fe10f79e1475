package org.parley.request.lifecycle.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.parley.common.audit.AuditRecord;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.request.lifecycle.LifecycleService;
import org.parley.request.lifecycle.domain.Clarification;
import org.parley.request.lifecycle.domain.CompanyResponse;
import org.parley.request.lifecycle.domain.Disclosure;
import org.parley.request.lifecycle.domain.ListingOrder;
import org.parley.request.lifecycle.domain.Outcome;
import org.parley.request.lifecycle.domain.ReasonCode;
import org.parley.request.lifecycle.domain.RequestHeadline;
import org.parley.request.lifecycle.domain.RequestState;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.shared.domain.Urgency;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading requests and everything their parties do to them after submission. */
@Tag(name = "Requests")
@RestController
@RequestMapping("/api/v1/requests")
class RequestController {

    private final LifecycleService desk;
    private final JsonMapper json;

    RequestController(LifecycleService desk, JsonMapper json) {
        this.desk = desk;
        this.json = json;
    }

    @Operation(operationId = "listRequests", summary = "List requests",
            description = "A liaison sees their authority's requests, a responder their company's (not before an "
                    + "emergency is confirmed, nor the details a gag order withholds), reviewers and admins every "
                    + "one. Filter by `state` (repeatable), `type` and `overdue`.")
    @GetMapping
    Page<HeadlineView> list(Caller caller,
            @RequestParam(required = false) Set<RequestState> state,
            @RequestParam(required = false) RequestType type,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) ListingOrder order,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return desk.list(caller, state, type, overdue, order, PageRequest.of(pageSize, pageToken)).map(HeadlineView::of);
    }

    @Operation(operationId = "getRequest", summary = "Read a request",
            description = "Whoever may see it in the list: the request with its findings, clarifications and response.")
    @GetMapping("/{id}")
    RequestView get(Caller caller, @PathVariable String id) {
        return RequestView.of(desk.get(caller, requestId(id)));
    }

    @Operation(operationId = "confirmRequest", summary = "Confirm an emergency disclosure request",
            description = "A liaison of the same authority other than the one who submitted it: only then does the "
                    + "company see it.")
    @PostMapping("/{id}/confirmation")
    RequestView confirm(Caller caller, @PathVariable String id) {
        return RequestView.of(desk.confirm(caller, requestId(id)));
    }

    @Operation(operationId = "acknowledgeRequest", summary = "Acknowledge a request",
            description = "The target company's responders: SUBMITTED becomes ACKNOWLEDGED.")
    @PostMapping("/{id}/acknowledgement")
    RequestView acknowledge(Caller caller, @PathVariable String id) {
        return RequestView.of(desk.acknowledge(caller, requestId(id)));
    }

    @Operation(operationId = "askClarification", summary = "Ask for a clarification",
            description = "The target company's responders: the request becomes CLARIFICATION_REQUESTED and its "
                    + "clock stops until the authority answers.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/clarifications")
    ResponseEntity<RequestView.ClarificationView> askClarification(Caller caller, @PathVariable String id,
            @RequestBody ClarificationBody body) {
        LifecycleService.Details details = desk.askClarification(caller, requestId(id), body.question());
        Clarification asked = details.request().clarifications().getLast();
        return ResponseEntity.created(URI.create("/api/v1/requests/" + id + "/clarifications/" + asked.id()))
                .body(RequestView.ClarificationView.of(asked));
    }

    @Operation(operationId = "getClarification", summary = "Read a clarification",
            description = "Whoever may see the request.")
    @GetMapping("/{id}/clarifications/{clarificationId}")
    RequestView.ClarificationView clarification(Caller caller, @PathVariable String id,
            @PathVariable String clarificationId) {
        UUID cid = Ids.parse(clarificationId).orElseThrow(() -> new NotFound("clarification", clarificationId));
        return desk.get(caller, requestId(id)).request().clarification(cid)
                .map(RequestView.ClarificationView::of)
                .orElseThrow(() -> new NotFound("clarification", clarificationId));
    }

    @Operation(operationId = "answerClarification", summary = "Answer a clarification",
            description = "The authority's liaisons: the clock runs again.")
    @PostMapping("/{id}/clarifications/{clarificationId}/answer")
    RequestView answerClarification(Caller caller, @PathVariable String id, @PathVariable String clarificationId,
            @RequestBody AnswerBody body) {
        UUID cid = Ids.parse(clarificationId).orElseThrow(() -> new NotFound("clarification", clarificationId));
        return RequestView.of(desk.answerClarification(caller, requestId(id), cid, body.answer()));
    }

    @Operation(operationId = "respondToRequest", summary = "Respond to a request",
            description = "The target company's responders: the outcome, its reason codes and explanation, when "
                    + "action was taken, and for a disclosure what was handed over (item count and the package's "
                    + "SHA-256).")
    @PostMapping("/{id}/response")
    RequestView respond(Caller caller, @PathVariable String id, @RequestBody ResponseBody body) {
        return RequestView.of(desk.respond(caller, requestId(id), new CompanyResponse(body.outcome(), body.reasonCodes(),
                body.explanation(), body.actionTakenAt(), body.disclosure())));
    }

    @Operation(operationId = "withdrawRequest", summary = "Withdraw a request",
            description = "The authority's liaisons, while the request is open: it becomes WITHDRAWN.")
    @PostMapping("/{id}/withdrawal")
    RequestView withdraw(Caller caller, @PathVariable String id) {
        return RequestView.of(desk.withdraw(caller, requestId(id)));
    }

    @Operation(operationId = "recordUserNotification", summary = "Record that the affected users were notified",
            description = "The target company's responders, once a gag order allows it; `notifiedAt` defaults to now.")
    @PostMapping("/{id}/user-notification")
    RequestView recordUserNotification(Caller caller, @PathVariable String id,
            @RequestBody(required = false) UserNotificationBody body) {
        return RequestView.of(desk.recordUsersNotified(caller, requestId(id), body == null ? null : body.notifiedAt()));
    }

    @Operation(operationId = "getRequestHistory", summary = "Read a request's history",
            description = "Whoever may see the request: its audit records, each with its place in the audit chain, "
                    + "less what the caller may not know of the actor.")
    @GetMapping("/{id}/history")
    List<HistoryEntry> history(Caller caller, @PathVariable String id) {
        return desk.history(caller, requestId(id)).stream().map(record -> HistoryEntry.of(record, json)).toList();
    }

    static UUID requestId(String id) {
        return Ids.parse(id).orElseThrow(() -> new NotFound("request", id));
    }

    record ClarificationBody(String question) {}

    record AnswerBody(String answer) {}

    record ResponseBody(Outcome outcome, List<ReasonCode> reasonCodes, String explanation, Instant actionTakenAt,
            Disclosure disclosure) {}

    record UserNotificationBody(Instant notifiedAt) {}

    record HeadlineView(String id, RequestType type, RequestState state, Urgency urgency, RequestView.PartyView authority,
            RequestView.PartyView targetCompany, Instant submittedAt, Instant receivedAt, Instant dueAt, boolean overdue,
            boolean confidential, List<Finding> findings) {

        static HeadlineView of(RequestHeadline h) {
            return new HeadlineView(h.id().toString(), h.type(), h.state(), h.urgency(),
                    RequestView.PartyView.of(h.authority()), RequestView.PartyView.of(h.company()), h.submittedAt(),
                    h.receivedAt(), h.dueAt(), h.overdue(), h.confidential(), h.warnings());
        }
    }

    /**
     * One audit record of a request, as the caller may know it: what the lifecycle withheld is left out
     * (the acting person's name, the actor altogether, the details).
     */
    record HistoryEntry(String id, Instant occurredAt, String action, Actor actor, String beforeState,
            String afterState, JsonNode details, Long chainPosition, String hash) {

        record Actor(String name, List<String> roles, String stakeholderId) {}

        static HistoryEntry of(AuditRecord record, JsonMapper json) {
            List<String> roles = record.actorRoles() == null || record.actorRoles().isBlank() ? List.of()
                    : List.of(record.actorRoles().split(","));
            boolean actorWithheld = record.actorName() == null && roles.isEmpty() && record.actorStakeholder() == null;
            return new HistoryEntry(record.id().toString(), record.occurredAt(), record.action(),
                    actorWithheld ? null : new Actor(record.actorName(), roles, record.actorStakeholder()),
                    record.beforeState(), record.afterState(),
                    record.details() == null ? null : json.readTree(record.details()),
                    record.chainPosition(), record.hash());
        }
    }
}
