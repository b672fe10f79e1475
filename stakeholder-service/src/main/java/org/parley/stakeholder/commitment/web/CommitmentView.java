package org.parley.stakeholder.commitment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.common.paging.Page;
import org.parley.common.transparency.SmallCounts;
import org.parley.stakeholder.commitment.CommitmentRecord;
import org.parley.stakeholder.commitment.CommitmentService.CommitmentPage;
import org.parley.stakeholder.commitment.domain.Assessment;
import org.parley.stakeholder.commitment.domain.Commitment;
import org.parley.stakeholder.commitment.domain.CommitmentLifecycle;
import org.parley.stakeholder.commitment.domain.CommitmentStatus;
import org.parley.stakeholder.commitment.domain.ProgressReport;
import org.parley.stakeholder.commitment.domain.Rating;
import org.parley.stakeholder.indicator.domain.Indicator;
import org.parley.stakeholder.indicator.domain.Measurement;
import org.parley.stakeholder.registry.domain.StakeholderKind;

/** A commitment as JSON: the pledge, its state, the latest assessment and the measured record beside it. */
record CommitmentView(String id, StakeholderRef stakeholder, FrameworkRef framework, ClauseRef clause,
        CommitmentStatus status, List<CommitmentStatus> nextStatuses, LocalDate targetDate, IndicatorView indicator,
        AssessmentView latestAssessment, Instant createdAt, Instant updatedAt, int version,
        List<ReportView> progressReports, List<AssessmentView> assessments) {

    static CommitmentView summary(CommitmentRecord r) {
        return of(r, null, null);
    }

    static CommitmentView detail(CommitmentRecord r) {
        return of(r, r.reports().stream().map(ReportView::of).toList(), r.assessments().stream().map(AssessmentView::of).toList());
    }

    private static CommitmentView of(CommitmentRecord r, List<ReportView> reports, List<AssessmentView> assessments) {
        Commitment c = r.commitment();
        return new CommitmentView(c.id().toString(),
                new StakeholderRef(r.stakeholder().id().toString(), r.stakeholder().name(), r.stakeholder().kind()),
                new FrameworkRef(r.framework().id().toString(), r.framework().name(), r.framework().sourceUrl()),
                new ClauseRef(r.clause().number(), r.clause().text()),
                c.status(), CommitmentLifecycle.next(c.status()).stream().sorted().toList(), c.targetDate(),
                c.indicator().map(i -> new IndicatorView(i.indicator(), i.targetValue(), i.indicator().targetUnit(),
                        r.measurement().map(MeasurementView::of).orElse(null))).orElse(null),
                r.latestAssessment().map(AssessmentView::of).orElse(null),
                c.createdAt(), c.updatedAt(), c.version(), reports, assessments);
    }

    record StakeholderRef(String id, String name, StakeholderKind kind) {}

    record FrameworkRef(String id, String name, String sourceUrl) {}

    record ClauseRef(String number, String text) {}

    record IndicatorView(Indicator code, Double targetValue, Indicator.Unit targetUnit, MeasurementView measurement) {}

    record PeriodView(Instant from, Instant to) {}

    /**
     * What the measuring service computed; {@code measuredAs} names the figure when it differs from the pledge's code.
     * The sample size (and a count-valued indicator) is published only as its band, under the platform's small-count
     * rule: a count is a string so that "&lt;5" and "10–19" fit; a count's exact {@code value} is then left out.
     */
    record MeasurementView(Measurement.State state, String measuredAs, Double value, String count, Indicator.Unit unit,
            String sampleSize, PeriodView period, String note) {

        /** The bands start at the platform's default k (the standards' own k governs the public tables). */
        static final SmallCounts COUNTS = SmallCounts.published(5);

        static MeasurementView of(Measurement m) {
            String count = m.publishedCount(COUNTS);
            return new MeasurementView(m.state(), m.indicator().measuredAs(), count == null ? m.value() : null, count,
                    m.indicator().unit(), m.publishedSample(COUNTS), new PeriodView(m.from(), m.to()), m.note());
        }
    }

    record ReportView(String id, String text, List<String> evidenceUrls, Instant reportedAt) {

        static ReportView of(ProgressReport r) {
            return new ReportView(r.id().toString(), r.text(), r.evidenceUrls(), r.reportedAt());
        }
    }

    record AssessmentView(String id, Rating rating, String findings, String assessor, String assessorStakeholderId,
            Instant assessedAt) {

        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id().toString(), a.rating(), a.findings(), a.assessorName(),
                    a.assessorStakeholderId().map(UUID::toString).orElse(null), a.assessedAt());
        }
    }

    /** A list answer with, beside the page, how many commitments there are in each status. */
    record ListView(List<CommitmentView> items, String nextPageToken, Map<CommitmentStatus, Long> counts) {

        static ListView of(CommitmentPage page) {
            Page<CommitmentView> views = page.page().map(CommitmentView::summary);
            return new ListView(views.items(), views.nextPageToken(), page.counts());
        }
    }
}
