package org.parley.request.submission.web;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.lifecycle.LifecycleService;
import org.parley.request.lifecycle.web.RequestView;
import org.parley.request.shared.domain.Confidentiality;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.DataPeriod;
import org.parley.request.shared.domain.JudicialAuthorisation;
import org.parley.request.shared.domain.LegalBasis;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.shared.domain.Subject;
import org.parley.request.shared.domain.Submission;
import org.parley.request.shared.domain.Urgency;
import org.parley.request.submission.SubmissionService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A liaison submits a request for their own authority, or has it assessed first. */
@RestController
@RequestMapping("/api/v1/requests")
class SubmissionController {

    private final SubmissionService submissions;
    private final LifecycleService desk;

    SubmissionController(SubmissionService submissions, LifecycleService desk) {
        this.submissions = submissions;
        this.desk = desk;
    }

    @PostMapping
    ResponseEntity<RequestView> submit(Caller caller, @RequestBody SubmitRequest body) {
        SubmissionService.Submitted submitted = submissions.submit(caller, body.toSubmission());
        UUID id = submitted.request().id();
        return ResponseEntity.created(URI.create("/api/v1/requests/" + id))
                .body(RequestView.of(desk.details(caller, submitted.request(), submissions.toldToSubmitter(caller, submitted))));
    }

    @PostMapping("/assessment")
    AssessmentView assess(Caller caller, @RequestBody SubmitRequest body) {
        SubmissionService.Assessment assessment = submissions.assess(caller, body.toSubmission());
        return new AssessmentView(!assessment.verdict().refused(), assessment.verdict().rulesVersion(),
                assessment.verdict().findings(), assessment.dueAt());
    }

    /**
     * The body of a submission. There is no authority field: the authority is always the caller's
     * own stakeholder, and a body that names one is not listened to.
     */
    record SubmitRequest(RequestType type, UUID targetCompanyId, LegalBasis legalBasis, String legitimateAim,
            String necessityStatement, String proportionalityStatement, List<Subject> subjects,
            String statementOfReasons, List<DataCategory> dataCategories, DataPeriod period,
            JudicialAuthorisation judicialAuthorisation, Confidentiality confidentiality, Urgency urgency,
            Instant answerBy) {

        Submission toSubmission() {
            return new Submission(type, targetCompanyId, legalBasis, legitimateAim, necessityStatement,
                    proportionalityStatement, subjects, statementOfReasons,
                    dataCategories == null ? null : new HashSet<>(dataCategories),
                    period, judicialAuthorisation, confidentiality, urgency, answerBy);
        }
    }

    /**
     * The safeguards check of a draft: whether it would be accepted, every finding, and when a
     * request submitted now would be due.
     */
    record AssessmentView(boolean acceptable, int rulesVersion, List<Finding> findings, Instant dueAt) {}
}
