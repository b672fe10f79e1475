package org.parley.appeal.notice.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.parley.appeal.shared.domain.Person;
import org.parley.appeal.stakeholders.domain.ActiveStandards;
import org.parley.appeal.stakeholders.domain.ContentCategory;

/** Builds drafts and notices for tests: a removal of illegal content, unless a test says otherwise. */
final class Notices {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final ActiveStandards STANDARDS = new ActiveStandards(3, List.of(
            new ContentCategory("TERRORIST_CONTENT", "Terrorist content", false),
            new ContentCategory("INCITEMENT_TO_VIOLENCE", "Incitement to violence", true)), 5);

    private String contentRef = "https://video.example.com/v/123";
    private String accountRef = "user-8841";
    private Restriction restriction = Restriction.REMOVED;
    private List<String> scope = List.of("DE", "FR");
    private Ground ground = Ground.ILLEGAL_CONTENT;
    private String legalReference = "StGB §130";
    private String termsReference;
    private String category = "TERRORIST_CONTENT";
    private String facts = "The video calls on viewers to attack a named group.";
    private Boolean automatedDetection = true;
    private Boolean automatedDecision = false;
    private Instant decidedAt = NOW.minusSeconds(3600);
    private String requestId;
    private String language = "de";

    static Notices draft() {
        return new Notices();
    }

    Notices restriction(Restriction value) {
        restriction = value;
        return this;
    }

    Notices scope(List<String> value) {
        scope = value;
        return this;
    }

    Notices terms(String clause) {
        ground = Ground.INCOMPATIBLE_WITH_TERMS;
        legalReference = null;
        termsReference = clause;
        return this;
    }

    Notices ground(Ground value, String legal, String terms) {
        ground = value;
        legalReference = legal;
        termsReference = terms;
        return this;
    }

    Notices category(String value) {
        category = value;
        return this;
    }

    Notices facts(String value) {
        facts = value;
        return this;
    }

    Notices automated(Boolean detection, Boolean decision) {
        automatedDetection = detection;
        automatedDecision = decision;
        return this;
    }

    Notices decidedAt(Instant value) {
        decidedAt = value;
        return this;
    }

    Notices requestId(String value) {
        requestId = value;
        return this;
    }

    Notices contentRef(String value) {
        contentRef = value;
        return this;
    }

    Notices accountRef(String value) {
        accountRef = value;
        return this;
    }

    Notices language(String value) {
        language = value;
        return this;
    }

    NoticeDraft build() {
        return new NoticeDraft(contentRef, accountRef, restriction, scope, ground, legalReference, termsReference, category,
                facts, automatedDetection, automatedDecision, decidedAt, requestId, language);
    }

    Notice notice() {
        NoticeDraft draft = build();
        NoticeDraft.Checked checked = draft.check(NOW, () -> STANDARDS);
        return draft.toNotice(UUID.randomUUID(), new NoticeReference("N-7K3P-QX2M"), "pbkdf2-sha256$1$AA$AA",
                UUID.randomUUID(), "Streamly Video", checked.category(), checked.standardsVersion(),
                new Person("subject-decider", "decider"), NOW);
    }
}
