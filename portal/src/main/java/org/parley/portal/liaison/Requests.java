package org.parley.portal.liaison;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * The request-service's answers as the liaison desk reads them (shapes of its
 * {@code HeadlineView}, {@code RequestView} and {@code HistoryEntry}). Enum values stay
 * strings, so that a state or type the API adds later still shows (with its raw name).
 */
public final class Requests {

    private Requests() {
    }

    /** The five kinds of request, in the order the desk offers them. */
    public static final List<String> TYPES = List.of("REMOVAL_ORDER", "INFORMATION", "REFERRAL", "PRESERVATION",
            "EMERGENCY_DISCLOSURE");

    /** Every state of the lifecycle, for the list's filter. */
    public static final List<String> STATES = List.of("AWAITING_CONFIRMATION", "SUBMITTED", "ACKNOWLEDGED",
            "CLARIFICATION_REQUESTED", "FULFILLED", "PARTIALLY_FULFILLED", "REJECTED", "CHALLENGED", "WITHDRAWN");

    /** The states from which the authority may still withdraw (the lifecycle's WITHDRAW rows). */
    public static final List<String> WITHDRAWABLE = List.of("AWAITING_CONFIRMATION", "SUBMITTED", "ACKNOWLEDGED",
            "CLARIFICATION_REQUESTED");

    /** The aims ICCPR Art. 19(3) allows. */
    public static final List<String> AIMS = List.of("NATIONAL_SECURITY", "PUBLIC_ORDER", "RIGHTS_OF_OTHERS", "PUBLIC_HEALTH",
            "PUBLIC_MORALS");

    public static final List<String> DATA_CATEGORIES = List.of("SUBSCRIBER", "TRAFFIC", "CONTENT");

    public static final List<String> SUBJECT_KINDS = List.of("URL", "ACCOUNT");

    public static final List<String> URGENCIES = List.of("ROUTINE", "URGENT");

    /** Types whose answer is user data or that keep it: they name data categories and a period. */
    public static boolean concernsData(String type) {
        return "INFORMATION".equals(type) || "EMERGENCY_DISCLOSURE".equals(type) || "PRESERVATION".equals(type);
    }

    /** Types that deliver data to the authority: they may need a judicial authorisation. */
    public static boolean disclosesData(String type) {
        return "INFORMATION".equals(type) || "EMERGENCY_DISCLOSURE".equals(type);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String id, String name, String country) {
    }

    /** One row of {@code GET /api/v1/requests}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Headline(String id, String type, String state, String urgency, Party authority, Party targetCompany,
            Instant submittedAt, Instant receivedAt, Instant dueAt, boolean overdue, boolean confidential) {

        /** The company asked a question and the clock waits for the authority's answer. */
        public boolean awaitsAnswer() {
            return "CLARIFICATION_REQUESTED".equals(state);
        }

        /** Answered or withdrawn: its due time is history. */
        public boolean finalState() {
            return state != null && !WITHDRAWABLE.contains(state);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HeadlinePage(List<Headline> items, String nextPageToken) {
        public HeadlinePage {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LegalBasis(String instrument, String provision, String jurisdiction) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(String kind, String value, Boolean erased) {
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
    public record Confirmation(boolean required, boolean confirmed, Instant confirmedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clock(boolean running, Instant dueAt, Instant stoppedAt, Long remainingSeconds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String rule, String severity, String message) {
        public boolean blocker() {
            return "BLOCKER".equals(severity);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clarification(String id, String question, Instant askedAt, String answer, Instant answeredAt) {
        public boolean open() {
            return answeredAt == null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Disclosure(Integer itemCount, String packageSha256) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Response(String outcome, List<String> reasonCodes, String explanation, Instant actionTakenAt,
            Disclosure disclosure, Instant respondedAt, Double hoursToAnswer, Boolean answeredInTime) {
        public Response {
            reasonCodes = reasonCodes == null ? List.of() : reasonCodes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Overlap(String subject, String otherType, String otherAuthorityCountry, boolean sameAuthority,
            String otherRequestId, Instant detectedAt) {
    }

    /** {@code GET /api/v1/requests/{id}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(String id, String type, String state, String urgency, Party authority, Party targetCompany,
            LegalBasis legalBasis, String legitimateAim, String necessityStatement, String proportionalityStatement,
            String statementOfReasons, List<Subject> subjects, List<String> dataCategories, Period period,
            JudicialAuthorisation judicialAuthorisation, Confidentiality confidentiality,
            UserNotification userNotification, Confirmation confirmation, Instant submittedAt, Instant receivedAt,
            Instant answerBy, Instant dueAt, Clock clock, boolean overdue, Instant overdueAt, List<Finding> findings,
            int rulesVersion, List<Clarification> clarifications, Response response, Instant withdrawnAt,
            List<Overlap> overlaps, List<String> availableActions, int version) {

        public Details {
            subjects = subjects == null ? List.of() : subjects;
            dataCategories = dataCategories == null ? List.of() : dataCategories;
            findings = findings == null ? List.of() : findings;
            clarifications = clarifications == null ? List.of() : clarifications;
            overlaps = overlaps == null ? List.of() : overlaps;
        }

        /** Whether the liaison may withdraw it now: the API's own list when it gives one, else the lifecycle. */
        public boolean withdrawable() {
            return availableActions != null ? availableActions.contains("WITHDRAW") : state != null && WITHDRAWABLE.contains(state);
        }

        public boolean confirmable() {
            return availableActions != null && availableActions.contains("CONFIRM");
        }

        public boolean answerable() {
            return availableActions == null ? "CLARIFICATION_REQUESTED".equals(state)
                    : availableActions.contains("ANSWER_CLARIFICATION");
        }

        /** The due time the company's clock runs to; none while it is stopped. */
        public Instant due() {
            if (clock != null) {
                return clock.running() ? clock.dueAt() : null;
            }
            return dueAt;
        }

        public boolean clockStopped() {
            return clock != null && !clock.running() && clock.remainingSeconds() != null;
        }

        public boolean finalState() {
            return state != null && !WITHDRAWABLE.contains(state);
        }
    }

    /** One record of {@code GET /api/v1/requests/{id}/history}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(String id, Instant occurredAt, String action, Actor actor, String beforeState,
            String afterState, JsonNode details) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String name, List<String> roles, String stakeholderId) {
        public Actor {
            roles = roles == null ? List.of() : roles;
        }
    }

    /** {@code POST /api/v1/requests/assessment}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assessment(boolean acceptable, int rulesVersion, List<Finding> findings, Instant dueAt) {
        public Assessment {
            findings = findings == null ? List.of() : findings;
        }
    }

    /** A company of {@code GET /api/v1/stakeholders?kind=COMPANY}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Company(String id, String name, String country, List<String> jurisdictions, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompanyPage(List<Company> items, String nextPageToken) {
        public CompanyPage {
            items = items == null ? List.of() : items;
        }
    }
}
