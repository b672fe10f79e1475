package org.parley.portal.publicpages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The public API's answers as the public pages read them: the fields the pages show, under
 * the names the services give them (request-service's {@code RequestReport}, appeal-service's
 * {@code TransparencyView}, stakeholder-service's views). Counts are strings so that
 * {@code "<5"} fits; a figure the API withholds is {@code null}. Fields the pages do not show
 * are ignored.
 */
public final class PublicApi {

    private PublicApi() {
    }

    /** The most recent of some progress reports (the last listed when none is dated). */
    static java.util.Optional<ProgressReport> latest(List<ProgressReport> reports) {
        return reports.stream().filter(r -> r.reportedAt() != null)
                .max(java.util.Comparator.comparing(ProgressReport::reportedAt))
                .or(() -> reports.stream().reduce((a, b) -> b));
    }

    /** A list answer: {@code {items, nextPageToken}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Items<T>(List<T> items, String nextPageToken) {
        public Items {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    // ---- requests: GET /api/v1/transparency/requests ------------------------------------------

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestReport(LocalDate from, LocalDate to, Integer k, List<String> groupBy, RequestTotals totals,
            List<RequestRow> rows, List<AuthorityRecord> authorities) {
        public RequestReport {
            groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
            rows = rows == null ? List.of() : List.copyOf(rows);
            authorities = authorities == null ? List.of() : List.copyOf(authorities);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestTotals(String requests, String overdue, String answered, Double medianHoursToAnswer,
            Double p90HoursToAnswer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestRow(String country, String type, String outcome, String companyId, String company, String count,
            String overdue, Double medianHoursToAnswer, Double p90HoursToAnswer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthorityRecord(String authorityId, String authority, String country, String requests, String refused,
            String challenged, String withdrawn, Double shareRefused, Double shareChallenged, Double shareWithdrawn,
            Double shareReversedOnAppeal) {
    }

    // ---- notices and appeals: GET /api/v1/transparency/appeals ---------------------------------

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AppealReport(LocalDate from, LocalDate to, Integer k, Integer standardsVersion, Boolean kFallback,
            List<NoticeFigure> notices, List<AppealFigure> appeals, AppealFigure total) {
        public AppealReport {
            notices = notices == null ? List.of() : List.copyOf(notices);
            appeals = appeals == null ? List.of() : List.copyOf(appeals);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NoticeFigure(String company, String companyName, String ground, String category, Boolean automatedDetection,
            Boolean automatedDecision, String count) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AppealFigure(String company, String companyName, String filed, Outcomes decided, Double reversalRate,
            Double medianDaysToDecision, String decidedInTime, String due, Double shareDecidedInTime, String overdue,
            String escalated, Outcomes independentlyDecided) {
        public AppealFigure {
            decided = decided == null ? Outcomes.NONE : decided;
            independentlyDecided = independentlyDecided == null ? Outcomes.NONE : independentlyDecided;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Outcomes(String total, String upheld, String reversed, String partiallyReversed) {
        static final Outcomes NONE = new Outcomes(null, null, null, null);
    }

    // ---- stakeholders, commitments, frameworks, working groups --------------------------------

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stakeholder(String id, String kind, String name, String country, List<String> jurisdictions, String status,
            List<Sphere> spheres, ContactPoint contactPoint) {
        public Stakeholder {
            jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
            spheres = spheres == null ? List.of() : List.copyOf(spheres);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sphere(String id, String area, String scope) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactPoint(String email, String phone, List<String> languages, String hours, String escalationContact,
            Instant updatedAt) {
        public ContactPoint {
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }

    /** {@code GET /api/v1/stakeholders/{id}/commitments}: a page of commitments and the count in each status. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommitmentList(List<Commitment> items, String nextPageToken, Map<String, Long> counts) {
        public CommitmentList {
            items = items == null ? List.of() : List.copyOf(items);
            counts = counts == null ? Map.of() : Map.copyOf(counts);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commitment(String id, Ref stakeholder, FrameworkRef framework, Clause clause, String status,
            LocalDate targetDate, IndicatorView indicator, Assessment latestAssessment, Instant createdAt,
            Instant updatedAt, List<ProgressReport> progressReports, List<Assessment> assessments) {
        public Commitment {
            progressReports = progressReports == null ? List.of() : List.copyOf(progressReports);
            assessments = assessments == null ? List.of() : List.copyOf(assessments);
        }

        /** The most recent progress report, if the answer carries any. */
        public java.util.Optional<ProgressReport> latestReport() {
            return latest(progressReports);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ref(String id, String name, String kind) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FrameworkRef(String id, String name, String sourceUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clause(String number, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndicatorView(String code, Double targetValue, String targetUnit, Measurement measurement) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** {@code sampleSize} and, for a count, {@code count} come as bands ("&lt;5", "10–19"): the API publishes no more. */
    public record Measurement(String state, String measuredAs, Double value, String count, String unit, String sampleSize,
            Span period, String note) {

        /** The measured value as shown: a count's band, or the value in its unit. */
        public String shown(org.parley.portal.web.Page page) {
            return count != null ? count : Figures.inUnit(page, value, unit);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Span(Instant from, Instant to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProgressReport(String id, String text, List<String> evidenceUrls, Instant reportedAt) {
        public ProgressReport {
            evidenceUrls = evidenceUrls == null ? List.of() : List.copyOf(evidenceUrls);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assessment(String id, String rating, String findings, String assessor, String assessorStakeholderId,
            Instant assessedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Framework(String id, String name, String sourceUrl, String description, Instant publishedAt,
            List<Clause> clauses) {
        public Framework {
            clauses = clauses == null ? List.of() : List.copyOf(clauses);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkingGroup(String id, String name, String mandate, Instant createdAt, List<Member> members) {
        public WorkingGroup {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String stakeholderId, String name, String kind, String country, Instant joinedAt) {
    }

    // ---- standards: GET /api/v1/standards, /active, /{version} --------------------------------

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StandardsVersion(Integer version, Instant publishedAt, String summary, Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Standards(Integer version, Instant publishedAt, String summary, Boolean active,
            List<ContentCategory> contentCategories, RequestRules requestRules) {
        public Standards {
            contentCategories = contentCategories == null ? List.of() : List.copyOf(contentCategories);
        }

        public boolean inForce() {
            return Boolean.TRUE.equals(active);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContentCategory(String code, String name, String definition, List<String> legalReferences,
            List<String> notCovered, Boolean incitement) {
        public ContentCategory {
            legalReferences = legalReferences == null ? List.of() : List.copyOf(legalReferences);
            notCovered = notCovered == null ? List.of() : List.copyOf(notCovered);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestRules(Integer minStatementLength, Integer overbreadthSubjectThreshold,
            List<String> judicialAuthorisationRequiredFor, Integer maxInformationPeriodDays, Integer maxGagDays,
            Integer transparencyK, List<AnswerTime> answerTimes, List<String> legitimateAims) {
        public RequestRules {
            judicialAuthorisationRequiredFor = judicialAuthorisationRequiredFor == null ? List.of()
                    : List.copyOf(judicialAuthorisationRequiredFor);
            answerTimes = answerTimes == null ? List.of() : List.copyOf(answerTimes);
            legitimateAims = legitimateAims == null ? List.of() : List.copyOf(legitimateAims);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnswerTime(String type, Long minutes, Boolean advisory) {
    }
}
