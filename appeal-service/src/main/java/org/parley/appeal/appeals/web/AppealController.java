package org.parley.appeal.appeals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.parley.appeal.appeals.AppealService;
import org.parley.appeal.appeals.domain.Appeal;
import org.parley.appeal.appeals.domain.AppealFiling;
import org.parley.appeal.appeals.domain.AppealState;
import org.parley.appeal.appeals.domain.AppealStore.AppealFilter;
import org.parley.appeal.appeals.domain.DecisionDraft;
import org.parley.appeal.appeals.domain.Outcome;
import org.parley.appeal.notice.NoticeService;
import org.parley.appeal.shared.web.HistoryView;
import org.parley.common.audit.AuditRecord;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
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

@Tag(name = "Appeals")
@RestController
@RequestMapping("/api/v1/appeals")
class AppealController {

    private final AppealService appeals;

    AppealController(AppealService appeals) {
        this.appeals = appeals;
    }

    @Operation(operationId = "fileAppeal", summary = "Appeal a restriction",
            description = "The appellant who claimed the notice, while the appeal window is open: their statement, "
                    + "in their language. The company must review it by a human, in time.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<AppealView> file(Caller caller, @RequestBody FileAppeal body) {
        Appeal appeal = appeals.file(caller, new AppealFiling(body.noticeId(), body.statement(), body.language()));
        return ResponseEntity.created(URI.create("/api/v1/appeals/" + appeal.id()))
                .body(AppealView.of(appeals.read(caller, appeal.id())));
    }

    @Operation(operationId = "listAppeals", summary = "List appeals",
            description = "An appellant sees their own, responders their company's, reviewers and admins every one. "
                    + "Filter by `state`, `overdue` and `noticeId`.")
    @GetMapping
    Page<AppealView> list(Caller caller,
            @RequestParam(required = false) AppealState state,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String noticeId,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        UUID notice = null;
        if (noticeId != null) {
            notice = Ids.parse(noticeId).orElseThrow(() -> RuleViolation.ofField("noticeId", "must be a notice id"));
        }
        return appeals.list(caller, new AppealFilter(state, overdue, notice), PageRequest.of(pageSize, pageToken))
                .map(AppealView::of);
    }

    @Operation(operationId = "getAppeal", summary = "Read an appeal",
            description = "As in the list: the appeal with the company's decision and, after escalation, the "
                    + "independent one.")
    @GetMapping("/{id}")
    AppealView get(Caller caller, @PathVariable String id) {
        return AppealView.of(appeals.read(caller, parse(id)));
    }

    @Operation(operationId = "getAppealHistory", summary = "Read an appeal's history",
            description = "Whoever may see the appeal: its audit records, less what the caller may not know of the "
                    + "actor.")
    @GetMapping("/{id}/history")
    List<HistoryView> history(Caller caller, @PathVariable String id) {
        NoticeService.Viewed<List<AuditRecord>> history = appeals.history(caller, parse(id));
        return HistoryView.of(history.value(), history.access());
    }

    @Operation(operationId = "assignAppeal", summary = "Assign a human reviewer",
            description = "The company's responders: the appeal goes IN_REVIEW with the named responder (by default "
                    + "the caller); naming another hands over one already in review.")
    @PostMapping("/{id}/assignment")
    AppealView assign(Caller caller, @PathVariable String id, @RequestBody(required = false) Assignment body) {
        UUID appeal = parse(id);
        appeals.assign(caller, appeal, body == null ? null : body.reviewer());
        return AppealView.of(appeals.read(caller, appeal));
    }

    @Operation(operationId = "decideAppeal", summary = "Decide an appeal",
            description = "The assigned responder: the outcome and its reasoning; for incitement categories, the "
                    + "Rabat threshold test, factor by factor.")
    @PostMapping("/{id}/decision")
    AppealView decide(Caller caller, @PathVariable String id, @RequestBody DecisionBody body) {
        UUID appeal = parse(id);
        appeals.decide(caller, appeal, body.draft());
        return AppealView.of(appeals.read(caller, appeal));
    }

    @Operation(operationId = "escalateAppeal", summary = "Escalate to the independent reviewers",
            description = "The appellant, after the company's decision (or when it is overdue): the appeal goes to "
                    + "an independent body.")
    @PostMapping("/{id}/escalation")
    AppealView escalate(Caller caller, @PathVariable String id, @RequestBody EscalationBody body) {
        UUID appeal = parse(id);
        appeals.escalate(caller, appeal, body.reason());
        return AppealView.of(appeals.read(caller, appeal));
    }

    /** An independent reviewer takes an escalated appeal into their review; no body. */
    @Operation(operationId = "takeIndependentReview", summary = "Take an escalated appeal into review",
            description = "Independent reviewers: no body.")
    @PostMapping("/{id}/independent-review")
    AppealView takeEscalation(Caller caller, @PathVariable String id) {
        UUID appeal = parse(id);
        appeals.takeEscalation(caller, appeal);
        return AppealView.of(appeals.read(caller, appeal));
    }

    @Operation(operationId = "decideIndependently", summary = "Decide an escalated appeal independently",
            description = "Independent reviewers: the outcome and its reasoning, which the company must follow.")
    @PostMapping("/{id}/independent-decision")
    AppealView decideIndependently(Caller caller, @PathVariable String id, @RequestBody DecisionBody body) {
        UUID appeal = parse(id);
        appeals.decideIndependently(caller, appeal, body.draft());
        return AppealView.of(appeals.read(caller, appeal));
    }

    private static UUID parse(String id) {
        return Ids.parse(id).orElseThrow(() -> new NotFound(AppealService.ENTITY, id));
    }

    record FileAppeal(String noticeId, String statement, String language) {}

    /**
     * {@code reviewer}: the subject or username of a responder of the company; when absent, the caller takes an
     * appeal nobody reviews yet (an appeal in someone's review is handed over only by naming the new reviewer).
     */
    record Assignment(String reviewer) {}

    record DecisionBody(Outcome outcome, String reasoning, Rabat rabat) {

        DecisionDraft draft() {
            return new DecisionDraft(outcome, reasoning, rabat == null ? null : new DecisionDraft.RabatDraft(
                    rabat.context(), rabat.speaker(), rabat.intent(), rabat.contentAndForm(), rabat.extent(),
                    rabat.likelihood()));
        }
    }

    record Rabat(String context, String speaker, String intent, String contentAndForm, String extent, String likelihood) {}

    record EscalationBody(String reason) {}
}
