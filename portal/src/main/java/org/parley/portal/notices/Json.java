package org.parley.portal.notices;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The public API's answers these pages read, as records: only the fields shown, copied from
 * appeal-, stakeholder- and request-service's views; whatever else the API sends is ignored.
 */
public final class Json {

    private Json() {
    }

    /** A list page of the API: {@code {items, nextPageToken}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listing<T>(List<T> items, String nextPageToken) {
        public Listing {
            items = items == null ? List.of() : items;
        }
    }

    /** A statement of reasons as the company sees it (appeal-service {@code NoticeView}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(String id, String reference, String companyId, String companyName, String contentRef,
            String accountRef, String restriction, List<String> territorialScope, String ground,
            String legalReference, String termsReference, String category, String categoryName,
            Boolean rabatTestRequired, String facts, Boolean automatedDetection, Boolean automatedDecision,
            Instant decidedAt, String language, String requestId, Order order, Boolean complete,
            Instant appealUntil, String appealId, Boolean claimed, Instant claimedAt, Staff recordedBy,
            Instant recordedAt, Integer standardsVersion) {

        public Notice {
            territorialScope = territorialScope == null ? List.of() : territorialScope;
        }

        /** True when a government order is behind the restriction (whether or not it may be told). */
        public boolean ordered() {
            return order != null;
        }

        public boolean isClaimed() {
            return Boolean.TRUE.equals(claimed);
        }

        public String scope() {
            return String.join(", ", territorialScope);
        }
    }

    /** The order behind a notice: disclosed, confidential until a date, or unavailable right now. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(String authority, String authorityCountry, String type, LegalBasis legalBasis, Boolean confidential,
            Instant until, Boolean unavailable) {

        public boolean isConfidential() {
            return Boolean.TRUE.equals(confidential);
        }

        public boolean isUnavailable() {
            return Boolean.TRUE.equals(unavailable);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LegalBasis(String instrument, String provision, String jurisdiction) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Staff(String subject, String username) {
    }

    /** The answer to recording a notice: the access code is in it this once. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recorded(String id, String reference, String accessCode, Instant appealUntil) {
    }

    /** An appeal (appeal-service {@code AppealView}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Appeal(String id, String noticeId, String noticeReference, String companyId, String state,
            String statement, String language, Instant filedAt, Instant dueAt, Integer decisionDays,
            Boolean overdue, Boolean rabatTestRequired, Reviewer reviewer, Instant assignedAt, Decision decision,
            Escalation escalation, Decision independentDecision, Set<String> actions, Integer version) {

        public Appeal {
            actions = actions == null ? Set.of() : actions;
        }

        /** Waiting for the company: filed or in review. */
        public boolean open() {
            return "FILED".equals(state) || "IN_REVIEW".equals(state);
        }

        public boolean isOverdue() {
            return Boolean.TRUE.equals(overdue) && open();
        }

        public boolean may(String action) {
            return actions.contains(action);
        }

        public boolean rabatRequired() {
            return Boolean.TRUE.equals(rabatTestRequired);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reviewer(String subject, String username, Boolean human) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(String outcome, String reasoning, Rabat rabat, Instant decidedAt, String decidedBy, Boolean inTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rabat(String context, String speaker, String intent, String contentAndForm, String extent,
            String likelihood) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Escalation(String reason, Instant escalatedAt, Reviewer reviewer, Instant takenAt) {
    }

    /** One audit record of an appeal. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(String id, Instant occurredAt, String action, String beforeState, String afterState,
            String actorRoles, String actor) {
    }

    /** A stakeholder with its spheres and contact point (stakeholder-service {@code StakeholderDetail}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stakeholder(String id, String kind, String name, String country, List<String> jurisdictions,
            List<Sphere> spheres, ContactPoint contactPoint) {

        public Stakeholder {
            spheres = spheres == null ? List.of() : spheres;
            jurisdictions = jurisdictions == null ? List.of() : jurisdictions;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sphere(String id, String area, String scope, Instant createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactPoint(String email, String phone, List<String> languages, String hours, String escalationContact,
            Instant updatedAt) {

        public ContactPoint {
            languages = languages == null ? List.of() : languages;
        }
    }

    /** The active standards: only the content guidance is read here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Standards(Integer version, List<Category> contentCategories) {
        public Standards {
            contentCategories = contentCategories == null ? List.of() : contentCategories;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String code, String name, String definition, List<String> legalReferences,
            List<String> notCovered, Boolean incitement) {

        public Category {
            legalReferences = legalReferences == null ? List.of() : legalReferences;
            notCovered = notCovered == null ? List.of() : notCovered;
        }
    }

    /** A government request as the company's list shows it (request-service {@code HeadlineView}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestHeadline(String id, String type, String state, Party authority, Instant receivedAt,
            Instant submittedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String id, String name, String country) {
    }
}
