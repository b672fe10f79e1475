package org.parley.request.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.parley.request.shared.domain.Confidentiality;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.DataPeriod;
import org.parley.request.shared.domain.JudicialAuthorisation;
import org.parley.request.shared.domain.LegalBasis;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.shared.domain.Subject;
import org.parley.request.shared.domain.SubjectKind;
import org.parley.request.shared.domain.Submission;
import org.parley.request.shared.domain.Urgency;

/** Builds submissions for tests: each starts as a request that passes every safeguard, then one thing changes. */
public final class Drafts {

    public static final String NECESSITY = "The video incites violence against a named group and has been shared "
            + "widely in the last hours; removal is the only way to stop its spread.";
    public static final String PROPORTIONALITY = "Only the one video is to be removed; the account and all other "
            + "content stay untouched, and no user data is requested.";

    private Drafts() {}

    public static Builder removalOrder(UUID company) {
        return new Builder(RequestType.REMOVAL_ORDER, company)
                .legalBasis("Regulation (EU) 2021/784", "Art. 3", "DE")
                .subject(SubjectKind.URL, "https://video.example.com/v/" + UUID.randomUUID());
    }

    public static Builder referral(UUID company) {
        return new Builder(RequestType.REFERRAL, company)
                .legalBasis("Europol Regulation (EU) 2016/794", "Art. 4(1)(m)", "DE")
                .subject(SubjectKind.URL, "https://video.example.com/v/" + UUID.randomUUID());
    }

    /** An information request for subscriber data over one month: no judicial authorisation needed. */
    public static Builder information(UUID company) {
        return new Builder(RequestType.INFORMATION, company)
                .legalBasis("Regulation (EU) 2022/2065", "Art. 10", "DE")
                .subject(SubjectKind.ACCOUNT, "user-" + UUID.randomUUID())
                .dataCategories(DataCategory.SUBSCRIBER)
                .period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
    }

    public static Builder preservation(UUID company) {
        return new Builder(RequestType.PRESERVATION, company)
                .legalBasis("Regulation (EU) 2021/784", "Art. 6", "DE")
                .subject(SubjectKind.ACCOUNT, "user-" + UUID.randomUUID())
                .dataCategories(DataCategory.CONTENT);
    }

    public static Builder emergencyDisclosure(UUID company) {
        return new Builder(RequestType.EMERGENCY_DISCLOSURE, company)
                .legalBasis("Strafprozessordnung", "§ 100j", "DE")
                .subject(SubjectKind.ACCOUNT, "user-" + UUID.randomUUID())
                .dataCategories(DataCategory.SUBSCRIBER);
    }

    public static final class Builder {
        private RequestType type;
        private UUID company;
        private LegalBasis legalBasis = LegalBasis.NONE;
        private String aim = "PUBLIC_ORDER";
        private String necessity = NECESSITY;
        private String proportionality = PROPORTIONALITY;
        private final List<Subject> subjects = new ArrayList<>();
        private String reasons = "Incitement to violence under StGB §130.";
        private Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        private DataPeriod period;
        private JudicialAuthorisation judicial;
        private Confidentiality gag;
        private Urgency urgency;
        private Instant answerBy;

        Builder(RequestType type, UUID company) {
            this.type = type;
            this.company = company;
        }

        public Builder type(RequestType value) {
            type = value;
            return this;
        }

        public Builder company(UUID value) {
            company = value;
            return this;
        }

        public Builder legalBasis(String instrument, String provision, String jurisdiction) {
            legalBasis = new LegalBasis(instrument, provision, jurisdiction);
            return this;
        }

        public Builder aim(String value) {
            aim = value;
            return this;
        }

        public Builder necessity(String value) {
            necessity = value;
            return this;
        }

        public Builder proportionality(String value) {
            proportionality = value;
            return this;
        }

        public Builder subject(SubjectKind kind, String value) {
            subjects.add(new Subject(kind, value));
            return this;
        }

        public Builder onlySubject(SubjectKind kind, String value) {
            subjects.clear();
            return subject(kind, value);
        }

        public Builder noSubjects() {
            subjects.clear();
            return this;
        }

        public Builder dataCategories(DataCategory... values) {
            categories = values.length == 0 ? EnumSet.noneOf(DataCategory.class) : EnumSet.of(values[0], values);
            return this;
        }

        public Builder period(LocalDate from, LocalDate to) {
            period = new DataPeriod(from, to);
            return this;
        }

        public Builder noPeriod() {
            period = null;
            return this;
        }

        public Builder judicialAuthorisation(String court, String reference, LocalDate date) {
            judicial = new JudicialAuthorisation(court, reference, date);
            return this;
        }

        public Builder gag(LocalDate until, String justification) {
            gag = new Confidentiality(until, justification);
            return this;
        }

        public Builder urgency(Urgency value) {
            urgency = value;
            return this;
        }

        public Builder answerBy(Instant value) {
            answerBy = value;
            return this;
        }

        public Submission build() {
            return new Submission(type, company, legalBasis, aim, necessity, proportionality, subjects, reasons,
                    categories, period, judicial, gag, urgency, answerBy);
        }
    }
}
