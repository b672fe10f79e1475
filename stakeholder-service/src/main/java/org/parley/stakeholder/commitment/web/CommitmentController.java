package org.parley.stakeholder.commitment.web;

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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pledges, their lifecycle, progress reports and independent assessments; public to read. */
@RestController
class CommitmentController {

    private final CommitmentService commitments;

    CommitmentController(CommitmentService commitments) {
        this.commitments = commitments;
    }

    @GetMapping("/api/v1/stakeholders/{id}/commitments")
    CommitmentView.ListView ofStakeholder(Caller caller, @PathVariable String id,
            @RequestParam(required = false) CommitmentStatus status, @RequestParam(required = false) UUID frameworkId,
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
        return CommitmentView.ListView.of(commitments.ofStakeholder(caller, PathIds.parse("stakeholder", id), status,
                frameworkId, PageRequest.of(pageSize, pageToken)));
    }

    @PostMapping("/api/v1/stakeholders/{id}/commitments")
    ResponseEntity<CommitmentView> pledge(Caller caller, @PathVariable String id, @RequestBody PledgeBody body) {
        Commitment commitment = commitments.pledge(caller, PathIds.parse("stakeholder", id),
                new Pledge(body.frameworkId(), body.clauseNumber(), body.targetDate(), body.indicator(), body.targetValue()));
        return ResponseEntity.created(URI.create("/api/v1/commitments/" + commitment.id()))
                .eTag(PathIds.etag(commitment.version()))
                .body(CommitmentView.detail(commitments.getUnmeasured(caller, commitment.id())));
    }

    @GetMapping("/api/v1/frameworks/{id}/commitments")
    CommitmentView.ListView ofFramework(Caller caller, @PathVariable String id,
            @RequestParam(required = false) CommitmentStatus status,
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
        return CommitmentView.ListView.of(commitments.ofFramework(caller, PathIds.parse("framework", id), status,
                PageRequest.of(pageSize, pageToken)));
    }

    @GetMapping("/api/v1/commitments/{id}")
    ResponseEntity<CommitmentView> get(Caller caller, @PathVariable String id) {
        CommitmentView view = CommitmentView.detail(commitments.get(caller, PathIds.parse("commitment", id)));
        return ResponseEntity.ok().eTag(PathIds.etag(view.version())).body(view);
    }

    @PatchMapping("/api/v1/commitments/{id}")
    ResponseEntity<CommitmentView> change(Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody ChangeBody body) {
        UUID commitmentId = PathIds.parse("commitment", id);
        commitments.change(caller, commitmentId, new CommitmentChange(body.status(), body.targetDate()), PathIds.ifMatch(ifMatch));
        CommitmentView view = CommitmentView.detail(commitments.getUnmeasured(caller, commitmentId));
        return ResponseEntity.ok().eTag(PathIds.etag(view.version())).body(view);
    }

    @GetMapping("/api/v1/commitments/{id}/progress-reports")
    Page<ReportView> reports(Caller caller, @PathVariable String id) {
        return new Page<>(commitments.reports(caller, PathIds.parse("commitment", id)).stream().map(ReportView::of).toList(), null);
    }

    @PostMapping("/api/v1/commitments/{id}/progress-reports")
    ResponseEntity<ReportView> report(Caller caller, @PathVariable String id, @RequestBody ReportBody body) {
        ProgressReport report = commitments.report(caller, PathIds.parse("commitment", id), body.text(), body.evidenceUrls());
        return ResponseEntity.created(URI.create("/api/v1/commitments/" + report.commitmentId() + "/progress-reports/" + report.id()))
                .body(ReportView.of(report));
    }

    @GetMapping("/api/v1/commitments/{id}/progress-reports/{reportId}")
    ReportView report(Caller caller, @PathVariable String id, @PathVariable String reportId) {
        UUID wanted = PathIds.parse("progress report", reportId);
        return commitments.reports(caller, PathIds.parse("commitment", id)).stream()
                .filter(r -> r.id().equals(wanted)).findFirst().map(ReportView::of)
                .orElseThrow(() -> new NotFound("progress report", reportId));
    }

    @GetMapping("/api/v1/commitments/{id}/assessments")
    Page<AssessmentView> assessments(Caller caller, @PathVariable String id) {
        return new Page<>(commitments.assessments(caller, PathIds.parse("commitment", id)).stream()
                .map(AssessmentView::of).toList(), null);
    }

    @PostMapping("/api/v1/commitments/{id}/assessments")
    ResponseEntity<AssessmentView> assess(Caller caller, @PathVariable String id, @RequestBody AssessmentBody body) {
        Assessment assessment = commitments.assess(caller, PathIds.parse("commitment", id), body.rating(), body.findings());
        return ResponseEntity.created(URI.create("/api/v1/commitments/" + assessment.commitmentId() + "/assessments/" + assessment.id()))
                .body(AssessmentView.of(assessment));
    }

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
