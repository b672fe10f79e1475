package org.parley.portal.publicpages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The public archive as request-service answers it ({@code GET /api/v1/archive/requests} and
 * {@code /{id}}): the fields the archive pages show, under the service's names.
 */
public final class ArchiveApi {

    private ArchiveApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Archived> items, String nextPageToken) {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Archived(String id, Party authority, Party company, String type, LegalBasis legalBasis,
            String legitimateAim, List<String> dataCategories, Period period, Boolean judiciallyAuthorised,
            Instant receivedAt, Instant dueAt, Instant answeredAt, Instant actionTakenAt, Instant withdrawnAt,
            LocalDate gagUntil, String outcome, List<String> reasonCodes, Double answerHours, Boolean answeredInTime,
            Boolean overdue, Integer disclosedItems, List<Subject> subjects, List<Redaction> redactions,
            Instant publishedAt) {
        public Archived {
            dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
            reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
            redactions = redactions == null ? List.of() : List.copyOf(redactions);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String id, String name, String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LegalBasis(String instrument, String provision, String jurisdiction) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(LocalDate from, LocalDate to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(String kind, String shown, String domain, List<String> redactions) {
        public Subject {
            redactions = redactions == null ? List.of() : List.copyOf(redactions);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Redaction(String kind, Integer count) {
    }
}
