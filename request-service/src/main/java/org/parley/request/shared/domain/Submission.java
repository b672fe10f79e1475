package org.parley.request.shared.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.parley.common.check.Countries;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;

/**
 * What a liaison submits: everything a government request says, before the safeguards check. The
 * issuing authority is not part of it: it is always the caller's own stakeholder.
 *
 * <p>{@link #fieldErrors} finds input that cannot even be assessed (missing type, no subjects,
 * over-long text, a period that ends before it starts); whether the request is <em>acceptable</em>
 * is the safeguards check's question, answered with findings.
 */
public record Submission(
        RequestType type,
        UUID targetCompanyId,
        LegalBasis legalBasis,
        String legitimateAim,
        String necessityStatement,
        String proportionalityStatement,
        List<Subject> subjects,
        String statementOfReasons,
        Set<DataCategory> dataCategories,
        DataPeriod period,
        JudicialAuthorisation judicialAuthorisation,
        Confidentiality confidentiality,
        Urgency urgency,
        Instant answerBy) {

    public static final int MAX_SUBJECTS = 1000;
    public static final int MAX_SUBJECT_LENGTH = 2048;
    public static final int MAX_STATEMENT = 10_000;
    public static final int MAX_SHORT_TEXT = 300;

    public Submission {
        legalBasis = legalBasis == null ? LegalBasis.NONE : legalBasis;
        legitimateAim = Texts.strip(legitimateAim);
        necessityStatement = Texts.strip(necessityStatement);
        proportionalityStatement = Texts.strip(proportionalityStatement);
        statementOfReasons = Texts.strip(statementOfReasons);
        subjects = subjects == null ? List.of() : subjects.stream().map(s -> s == null ? new Subject(null, null) : s).toList();
        EnumSet<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        if (dataCategories != null) {
            dataCategories.stream().filter(Objects::nonNull).forEach(categories::add);
        }
        dataCategories = Collections.unmodifiableSet(categories);
        if (urgency == null) {
            urgency = type == RequestType.EMERGENCY_DISCLOSURE ? Urgency.URGENT : Urgency.ROUTINE;
        }
    }

    /** Every field that makes the submission unreadable, all at once; empty when it can be assessed. */
    public List<FieldError> fieldErrors(Instant now) {
        FieldCheck check = FieldCheck.start();
        check.required("type", type);
        check.required("targetCompanyId", targetCompanyId);
        checkSubjects(check);
        check.optionalText("legalBasis.instrument", legalBasis.instrument(), MAX_SHORT_TEXT);
        check.optionalText("legalBasis.provision", legalBasis.provision(), MAX_SHORT_TEXT);
        if (legalBasis.jurisdiction() != null && !Countries.isCode(legalBasis.jurisdiction())) {
            check.add("legalBasis.jurisdiction", "must be an ISO 3166-1 alpha-2 code, e.g. DE");
        }
        check.optionalText("legitimateAim", legitimateAim, 100);
        check.optionalText("necessityStatement", necessityStatement, MAX_STATEMENT);
        check.optionalText("proportionalityStatement", proportionalityStatement, MAX_STATEMENT);
        check.optionalText("statementOfReasons", statementOfReasons, MAX_STATEMENT);
        checkData(check);
        if (judicialAuthorisation != null) {
            check.optionalText("judicialAuthorisation.court", judicialAuthorisation.court(), MAX_SHORT_TEXT);
            check.optionalText("judicialAuthorisation.reference", judicialAuthorisation.reference(), MAX_SHORT_TEXT);
        }
        if (confidentiality != null) {
            check.optionalText("confidentiality.justification", confidentiality.justification(), MAX_STATEMENT);
        }
        if (answerBy != null && !answerBy.isAfter(now)) {
            check.add("answerBy", "must be in the future");
        }
        return check.errors();
    }

    /** Refuses with 422 and every field error, unless the submission can be assessed. */
    public Submission requireReadable(Instant now) {
        List<FieldError> errors = fieldErrors(now);
        if (!errors.isEmpty()) {
            throw RuleViolation.ofFields(errors);
        }
        return this;
    }

    /** True when the request asks for user data of this category. */
    public boolean asksFor(DataCategory category) {
        return dataCategories.contains(category);
    }

    private void checkSubjects(FieldCheck check) {
        if (subjects.isEmpty()) {
            check.add("subjects", "name at least one URL or account");
            return;
        }
        if (subjects.size() > MAX_SUBJECTS) {
            check.add("subjects", "at most " + MAX_SUBJECTS + " subjects per request");
            return;
        }
        for (int i = 0; i < subjects.size(); i++) {
            Subject subject = subjects.get(i);
            if (subject.kind() == null) {
                check.add("subjects[" + i + "].kind", "is required: URL or ACCOUNT");
            }
            if (subject.value() == null || subject.value().isEmpty()) {
                check.add("subjects[" + i + "].value", "must not be blank");
            } else if (subject.value().length() > MAX_SUBJECT_LENGTH) {
                check.add("subjects[" + i + "].value", "must have at most " + MAX_SUBJECT_LENGTH + " characters");
            }
        }
    }

    private void checkData(FieldCheck check) {
        if (type == null) {
            return;
        }
        if (type.disclosesData() && dataCategories.isEmpty()) {
            check.add("dataCategories", "name the categories of data requested: SUBSCRIBER, TRAFFIC, CONTENT");
        }
        if (!type.concernsData() && !dataCategories.isEmpty()) {
            check.add("dataCategories", "only requests about user data name data categories");
        }
        if (period != null) {
            if (!type.concernsData()) {
                check.add("period", "only requests about user data name a period");
            } else if (period.isComplete() && period.to().isBefore(period.from())) {
                check.add("period.to", "must not be before period.from");
            }
        }
    }
}
