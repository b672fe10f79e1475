package org.parley.stakeholder.commitment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.NotFound;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.commitment.CommitmentService;
import org.parley.stakeholder.commitment.domain.Assessment;
import org.parley.stakeholder.commitment.domain.Commitment;
import org.parley.stakeholder.commitment.domain.CommitmentChange;
import org.parley.stakeholder.commitment.domain.CommitmentStatus;
import org.parley.stakeholder.commitment.domain.Pledge;
import org.parley.stakeholder.commitment.domain.ProgressReport;
import org.parley.stakeholder.commitment.domain.Rating;
import org.parley.stakeholder.commitment.web.CommitmentView.AssessmentView;
import org.parley.stakeholder.commitment.web.CommitmentView.ReportView;
import org.parley.stakeholder.indicator.domain.Indicator;
import org.parley.stakeholder.shared.web.PathIds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Pledges, their lifecycle, progress reports and independent assessments; public to read. */
@Tag(name = "Commitments")
@RestController
class CommitmentController {

    private final CommitmentService commitments;

    CommitmentController(CommitmentService commitments) {
        this.commitments = commitments;
    }

    @Operation(operationId = "listStakeholderCommitments", summary = "List a stakeholder's commitments",
            description = "Anyone; filter by `status` and `frameworkId`.")
    @GetMapping("/api/v1/stakeholders/{id}/commitments")
    CommitmentView.ListView ofStakeholder(Caller caller, @PathVariable String id,
            @RequestParam(required = false) CommitmentStatus status, @RequestParam(required = false) UUID frameworkId,
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
        return CommitmentView.ListView.of(commitments.ofStakeholder(caller, PathIds.parse("stakeholder", id), status,
                frameworkId, PageRequest.of(pageSize, pageToken)));
    }

    @Operation(operationId = "pledgeCommitment", summary = "Pledge a clause",
            description = "Admins and the stakeholder's own members: a commitment to a framework's clause, with a "
                    + "target date and, where it can be measured, an indicator. It starts PLEDGED.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/stakeholders/{id}/commitments")
    ResponseEntity<CommitmentView> pledge(Caller caller, @PathVariable String id, @RequestBody PledgeBody body) {
        Commitment commitment = commitments.pledge(caller, PathIds.parse("stakeholder", id),
                new Pledge(body.frameworkId(), body.clauseNumber(), body.targetDate(), body.indicator(), body.targetValue()));
        return ResponseEntity.created(URI.create("/api/v1/commitments/" + commitment.id()))
                .eTag(PathIds.etag(commitment.version()))
                .body(CommitmentView.detail(commitments.getUnmeasured(caller, commitment.id())));
    }

    @Operation(operationId = "listFrameworkCommitments", summary = "List the commitments to a framework",
            description = "Anyone; filter by `status`.")
    @GetMapping("/api/v1/frameworks/{id}/commitments")
    CommitmentView.ListView ofFramework(Caller caller, @PathVariable String id,
            @RequestParam(required = false) CommitmentStatus status,
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
        return CommitmentView.ListView.of(commitments.ofFramework(caller, PathIds.parse("framework", id), status,
                PageRequest.of(pageSize, pageToken)));
    }

    @Operation(operationId = "getCommitment", summary = "Read a commitment",
            description = "Anyone: the commitment with its progress reports, assessments and measured indicator. "
                    + "The ETag is its version, for `If-Match` on a change.")
    @GetMapping("/api/v1/commitments/{id}")
    ResponseEntity<CommitmentView> get(Caller caller, @PathVariable String id) {
        CommitmentView view = CommitmentView.detail(commitments.get(caller, PathIds.parse("commitment", id)));
        return ResponseEntity.ok().eTag(PathIds.etag(view.version())).body(view);
    }

    @Operation(operationId = "changeCommitment", summary = "Change a commitment",
            description = "Admins and the stakeholder's own members: its status or target date. With `If-Match`, a "
                    + "change made on a stale copy is refused with 409.")
    @PatchMapping("/api/v1/commitments/{id}")
    ResponseEntity<CommitmentView> change(Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody ChangeBody body) {
        UUID commitmentId = PathIds.parse("commitment", id);
        commitments.change(caller, commitmentId, new CommitmentChange(body.status(), body.targetDate()), PathIds.ifMatch(ifMatch));
        CommitmentView view = CommitmentView.detail(commitments.getUnmeasured(caller, commitmentId));
        return ResponseEntity.ok().eTag(PathIds.etag(view.version())).body(view);
    }

    @Operation(operationId = "listProgressReports", summary = "List progress reports",
            description = "Anyone.")
    @GetMapping("/api/v1/commitments/{id}/progress-reports")
    Page<ReportView> reports(Caller caller, @PathVariable String id) {
        return new Page<>(commitments.reports(caller, PathIds.parse("commitment", id)).stream().map(ReportView::of).toList(), null);
    }

    @Operation(operationId = "reportProgress", summary = "Report progress",
            description = "The stakeholder's own members: what was done, with links to evidence.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/commitments/{id}/progress-reports")
    ResponseEntity<ReportView> report(Caller caller, @PathVariable String id, @RequestBody ReportBody body) {
        ProgressReport report = commitments.report(caller, PathIds.parse("commitment", id), body.text(), body.evidenceUrls());
        return ResponseEntity.created(URI.create("/api/v1/commitments/" + report.commitmentId() + "/progress-reports/" + report.id()))
                .body(ReportView.of(report));
    }

    @Operation(operationId = "getProgressReport", summary = "Read a progress report",
            description = "Anyone.")
    @GetMapping("/api/v1/commitments/{id}/progress-reports/{reportId}")
    ReportView report(Caller caller, @PathVariable String id, @PathVariable String reportId) {
        UUID wanted = PathIds.parse("progress report", reportId);
        return commitments.reports(caller, PathIds.parse("commitment", id)).stream()
                .filter(r -> r.id().equals(wanted)).findFirst().map(ReportView::of)
                .orElseThrow(() -> new NotFound("progress report", reportId));
    }

    @Operation(operationId = "listAssessments", summary = "List independent assessments",
            description = "Anyone.")
    @GetMapping("/api/v1/commitments/{id}/assessments")
    Page<AssessmentView> assessments(Caller caller, @PathVariable String id) {
        return new Page<>(commitments.assessments(caller, PathIds.parse("commitment", id)).stream()
                .map(AssessmentView::of).toList(), null);
    }

    @Operation(operationId = "assessCommitment", summary = "Assess a commitment",
            description = "Independent reviewers only: how far the commitment is met, with findings.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/commitments/{id}/assessments")
    ResponseEntity<AssessmentView> assess(Caller caller, @PathVariable String id, @RequestBody AssessmentBody body) {
        Assessment assessment = commitments.assess(caller, PathIds.parse("commitment", id), body.rating(), body.findings());
        return ResponseEntity.created(URI.create("/api/v1/commitments/" + assessment.commitmentId() + "/assessments/" + assessment.id()))
                .body(AssessmentView.of(assessment));
    }

    @Operation(operationId = "getAssessment", summary = "Read an independent assessment",
            description = "Anyone.")
    @GetMapping("/api/v1/commitments/{id}/assessments/{assessmentId}")
    AssessmentView assessment(Caller caller, @PathVariable String id, @PathVariable String assessmentId) {
        UUID wanted = PathIds.parse("assessment", assessmentId);
        return commitments.assessments(caller, PathIds.parse("commitment", id)).stream()
                .filter(a -> a.id().equals(wanted)).findFirst().map(AssessmentView::of)
                .orElseThrow(() -> new NotFound("assessment", assessmentId));
    }

    record PledgeBody(String frameworkId, String clauseNumber, LocalDate targetDate, Indicator indicator, Double targetValue) {}

    record ChangeBody(CommitmentStatus status, LocalDate targetDate) {}

    record ReportBody(String text, List<String> evidenceUrls) {}

    record AssessmentBody(Rating rating, String findings) {}
}
