package org.parley.request.archive.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.request.lifecycle.domain.Answer;
import org.parley.request.lifecycle.domain.CompanyResponse;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.PartyRef;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.DataPeriod;
import org.parley.request.shared.domain.LegalBasis;
import org.parley.request.shared.domain.RequestType;

/**
 * A request as the public archive shows it once it is final and no gag order is in force. It carries
 * the legal basis, the legitimate aim, the dates, the outcome and its reason codes, the data
 * categories and period a request about user data named (they describe the order, not a person),
 * and the subjects {@linkplain Redaction redacted}. It never carries the free texts: the necessity
 * and proportionality statements, the statement of reasons, the gag's justification, the
 * clarifications and the company's explanation may all name people, and are not published. Nor the
 * judicial authorisation's reference (a case number can name the parties): only whether there was one.
 *
 * @param outcome     the final state: FULFILLED, PARTIALLY_FULFILLED, REJECTED, CHALLENGED or WITHDRAWN
 * @param answerTime  how long the company's clock ran until its answer; null when withdrawn
 * @param position    the order of publication (newest highest); 0 until stored
 */
public record PublicRecord(
        UUID id,
        PartyRef authority,
        PartyRef company,
        RequestType type,
        LegalBasis legalBasis,
        String legitimateAim,
        Set<DataCategory> dataCategories,
        DataPeriod period,
        boolean judiciallyAuthorised,
        Instant receivedAt,
        Instant dueAt,
        Instant answeredAt,
        Instant actionTakenAt,
        Instant withdrawnAt,
        LocalDate gagUntil,
        String outcome,
        List<String> reasonCodes,
        Duration answerTime,
        Boolean answeredInTime,
        boolean overdue,
        Integer disclosedItems,
        RedactedSubjects subjects,
        Instant publishedAt,
        long position) {

    public PublicRecord {
        dataCategories = Set.copyOf(dataCategories);
        reasonCodes = List.copyOf(reasonCodes);
    }

    /** The public record of a request, published now; the request must be {@link Publication#publishable}. */
    public static PublicRecord of(GovernmentRequest r, Instant publishedAt) {
        Answer answer = r.answer();
        CompanyResponse response = answer == null ? null : answer.response();
        return new PublicRecord(r.id(), r.authority(), r.company(), r.content().type(), r.content().legalBasis(),
                r.content().legitimateAim(), r.content().dataCategories(), r.content().period(),
                r.content().judicialAuthorisation() != null,
                r.receivedAt(),
                r.clock() == null ? null : r.clock().dueAt(),
                answer == null ? null : answer.answeredAt(),
                response == null ? null : response.actionTakenAt(),
                r.withdrawnAt(),
                r.content().confidentiality() == null ? null : r.content().confidentiality().until(),
                r.state().name(),
                response == null ? List.of() : response.reasonCodes().stream().map(Enum::name).toList(),
                answer == null ? null : answer.companyTime(),
                answer == null ? null : answer.inTime(),
                r.overdueAt() != null,
                response == null || response.disclosure() == null ? null : response.disclosure().itemCount(),
                Redaction.of(r.content().subjects()),
                publishedAt, 0);
    }

    /** The answer time in hours, to two decimals, as the record shows it. */
    public Double answerHours() {
        return answerTime == null ? null : Math.round(answerTime.toMillis() / 36_000.0) / 100.0;
    }

    public Map<RedactionKind, Integer> redactions() {
        return subjects.redactions();
    }

    /** The words {@code q} finds: those of the legal basis and the domains of the subjects. */
    public String searchText() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {legalBasis.instrument(), legalBasis.provision(), legalBasis.jurisdiction()}) {
            if (part != null) {
                text.append(part).append(' ');
            }
        }
        subjects.domains().forEach(d -> text.append(d).append(' '));
        return text.toString().strip();
    }

    public PublicRecord at(long stored) {
        return new PublicRecord(id, authority, company, type, legalBasis, legitimateAim, dataCategories, period,
                judiciallyAuthorised, receivedAt, dueAt, answeredAt, actionTakenAt, withdrawnAt, gagUntil, outcome,
                reasonCodes, answerTime, answeredInTime, overdue, disclosedItems, subjects, publishedAt, stored);
    }
}
