package org.parley.portal.company;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Government requests as request-service answers them to a company's responder (its
 * {@code RequestView}, {@code HeadlineView} and {@code HistoryEntry}). Only what the company
 * desk shows is bound; anything the API adds later is ignored.
 */
public final class RequestJson {

    private RequestJson() {
    }

    /** A GET bound to one of these records. */
    static <T> ApiResult<T> get(Api api, String path, Class<T> type) {
        return api.get(path, ParameterizedTypeReference.<T>forType(type));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String id, String name, String country) {
    }

    /** One line of {@code GET /api/v1/requests}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Headline(String id, String type, String state, String urgency, Party authority, Party targetCompany,
            Instant submittedAt, Instant receivedAt, Instant dueAt, boolean overdue, boolean confidential,
            List<Finding> findings) {
        public Headline {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }

        /** The safeguards warnings the listing carries with each row. */
        public List<Finding> warnings() {
            return Finding.warningsOf(findings);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Headlines(List<Headline> items, String nextPageToken) {
        public Headlines {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LegalBasis(String instrument, String provision, String jurisdiction) {
    }

    /** A subject; its value is gone ({@code erased}) once the request's retention has ended. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(String kind, String value, Boolean erased) {
        public boolean gone() {
            return Boolean.TRUE.equals(erased) || value == null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(LocalDate from, LocalDate to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JudicialAuthorisation(String court, String reference, LocalDate date) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Confidentiality(LocalDate until, String justification, boolean inForce) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserNotification(boolean mayNotify, String message, Instant notifiedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clock(boolean running, Instant dueAt, Instant stoppedAt, Long remainingSeconds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String rule, String severity, String message) {

        /** The findings a request was stored with despite them: all but the blockers. */
        static List<Finding> warningsOf(List<Finding> findings) {
            return findings.stream().filter(f -> !"BLOCKER".equals(f.severity())).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clarification(String id, String question, Instant askedAt, String answer, Instant answeredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Disclosure(Integer itemCount, String packageSha256) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Response(String outcome, List<String> reasonCodes, String explanation, Instant actionTakenAt,
            Disclosure disclosure, Instant respondedAt, Double hoursToAnswer, Boolean answeredInTime) {
        public Response {
            reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Overlap(String subject, String otherType, String otherAuthorityCountry, boolean sameAuthority,
            String otherRequestId, Instant detectedAt) {
    }

    /** {@code GET /api/v1/requests/{id}}: one request as the company sees it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String id, String type, String state, String urgency, Party authority, Party targetCompany,
            LegalBasis legalBasis, String legitimateAim, String necessityStatement, String proportionalityStatement,
            String statementOfReasons, List<Subject> subjects, List<String> dataCategories, Period period,
            JudicialAuthorisation judicialAuthorisation, Confidentiality confidentiality,
            UserNotification userNotification, Instant submittedAt, Instant receivedAt, Instant answerBy,
            Instant dueAt, Clock clock, boolean overdue, Instant overdueAt, List<Finding> findings,
            Integer rulesVersion, List<Clarification> clarifications, Response response, Instant withdrawnAt,
            List<Overlap> overlaps, List<String> availableActions) {

        public Detail {
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
            dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
            findings = findings == null ? List.of() : List.copyOf(findings);
            clarifications = clarifications == null ? List.of() : List.copyOf(clarifications);
            overlaps = overlaps == null ? List.of() : List.copyOf(overlaps);
            availableActions = availableActions == null ? List.of() : List.copyOf(availableActions);
        }

        /** What the API says the caller may do next (lifecycle actions and {@code RECORD_USER_NOTIFICATION}). */
        public boolean allows(String action) {
            return availableActions.contains(action);
        }

        /** Received and not yet answered or withdrawn. */
        public boolean open() {
            return (state != null && InboxRow.OPEN_STATES.contains(state));
        }

        /** The clock stands still while the company waits for the authority's answer. */
        public boolean clockStopped() {
            return clock != null && !clock.running();
        }

        /** Types whose answer delivers user data: the response names the package's item count and digest. */
        public boolean disclosesData() {
            return "INFORMATION".equals(type) || "EMERGENCY_DISCLOSURE".equals(type);
        }

        public List<Finding> warnings() {
            return Finding.warningsOf(findings);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String name, List<String> roles, String stakeholderId) {
        public Actor {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** One audit record of {@code GET /api/v1/requests/{id}/history}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(String id, Instant occurredAt, String action, Actor actor, String beforeState,
            String afterState) {
    }

    /** One participant of {@code GET /api/v1/stakeholders}, for names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stakeholder(String id, String kind, String name, String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stakeholders(List<Stakeholder> items, String nextPageToken) {
        public Stakeholders {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
