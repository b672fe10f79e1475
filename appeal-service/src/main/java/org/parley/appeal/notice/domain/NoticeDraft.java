package org.parley.appeal.notice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.parley.appeal.shared.domain.Person;
import org.parley.appeal.stakeholders.domain.ActiveStandards;
import org.parley.appeal.stakeholders.domain.ContentCategory;
import org.parley.common.check.Countries;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Unavailable;

/**
 * A statement of reasons as a responder submits it, checked as a whole so that every broken field is
 * reported at once. The government request it names is checked afterwards, over gRPC.
 */
public record NoticeDraft(String contentRef, String accountRef, Restriction restriction, List<String> territorialScope,
        Ground ground, String legalReference, String termsReference, String category, String facts,
        Boolean automatedDetection, Boolean automatedDecision, Instant decidedAt, String requestId, String language) {

    public static final int MAX_REF = 2048;
    public static final int MAX_ACCOUNT = 256;
    public static final int MAX_REFERENCE = 500;
    public static final int MIN_FACTS = 10;
    public static final int MAX_FACTS = 10_000;
    public static final int MAX_SCOPE = 300;
    /** Clocks differ a little; a decision "in the future" by more than this is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    public NoticeDraft {
        territorialScope = territorialScope == null ? null : new ArrayList<>(territorialScope);
    }

    /**
     * Refuses with every broken field (422), the category checked against the active content guidance;
     * otherwise answers the category and the standards version it was checked against. The standards are
     * asked for only when the category needs checking; when they cannot be had, broken fields are still
     * reported as such (422), and only otherwise the outage (503).
     */
    public Checked check(Instant now, Supplier<ActiveStandards> standards) {
        FieldCheck checks = FieldCheck.start();
        checks.text("contentRef", contentRef, MAX_REF);
        checks.text("accountRef", accountRef, MAX_ACCOUNT);
        checks.required("restriction", restriction);
        checks.required("ground", ground);
        checks.optionalText("legalReference", legalReference, 1, MAX_REFERENCE);
        checks.optionalText("termsReference", termsReference, 1, MAX_REFERENCE);
        checks.text("facts", facts, MIN_FACTS, MAX_FACTS);
        checks.required("automatedDetection", automatedDetection);
        checks.required("automatedDecision", automatedDecision);
        checks.required("decidedAt", decidedAt);
        checks.languageTag("language", language, false);
        if (ground == Ground.ILLEGAL_CONTENT && blank(legalReference)) {
            checks.add("legalReference", "is required when the ground is ILLEGAL_CONTENT: name the law, e.g. \"StGB §130\"");
        }
        if (ground == Ground.INCOMPATIBLE_WITH_TERMS && blank(termsReference)) {
            checks.add("termsReference", "is required when the ground is INCOMPATIBLE_WITH_TERMS: name the clause of the terms");
        }
        checkScope(checks);
        if (decidedAt != null && decidedAt.isAfter(now.plus(CLOCK_SKEW))) {
            checks.add("decidedAt", "must not be in the future");
        } else if (decidedAt != null && decidedAt.isBefore(EARLIEST)) {
            checks.add("decidedAt", "must be after " + EARLIEST);
        }
        if (requestId != null && Ids.parse(requestId.strip()).isEmpty()) {
            checks.add("requestId", "must be the id of a government request");
        }
        if (blank(category)) {
            checks.add("category", "must not be blank");
            checks.orThrow();
        }
        ActiveStandards active;
        try {
            active = standards.get();
        } catch (Unavailable e) {
            checks.orThrow();
            throw e;
        }
        Optional<ContentCategory> known = active.category(category.strip());
        if (known.isEmpty()) {
            checks.add("category", "must be a category of the content guidance (standards version "
                    + active.version() + "): " + String.join(", ", active.codes()));
        }
        checks.orThrow();
        return new Checked(known.orElseThrow(), active.version());
    }

    /** What checking found: the category named, in the standards version checked against. */
    public record Checked(ContentCategory category, int standardsVersion) {}

    private void checkScope(FieldCheck checks) {
        if (territorialScope == null || territorialScope.isEmpty()) {
            checks.add("territorialScope", "must name the countries where the restriction applies, or [\"WORLDWIDE\"]");
            return;
        }
        if (territorialScope.size() > MAX_SCOPE) {
            checks.add("territorialScope", "must have at most " + MAX_SCOPE + " entries");
            return;
        }
        for (int i = 0; i < territorialScope.size(); i++) {
            String code = territorialScope.get(i);
            if (Notice.WORLDWIDE.equals(code)) {
                if (territorialScope.size() > 1) {
                    checks.add("territorialScope[" + i + "]", "WORLDWIDE stands alone");
                } else if (restriction == Restriction.GEO_BLOCKED) {
                    checks.add("territorialScope", "a geo-block names the countries it applies in");
                }
            } else if (!Countries.isCode(code)) {
                checks.add("territorialScope[" + i + "]", "must be an ISO 3166-1 alpha-2 code such as DE, or WORLDWIDE");
            }
        }
    }

    /** The parsed request id, once {@link #check} passed. */
    public Optional<UUID> request() {
        return requestId == null ? Optional.empty() : Ids.parse(requestId.strip());
    }

    /** The notice this draft becomes, after every check passed. */
    public Notice toNotice(UUID id, NoticeReference reference, String accessCodeHash, UUID companyId, String companyName,
            ContentCategory category, int standardsVersion, Person decider, Instant now) {
        return new Notice(id, reference, companyId, companyName, contentRef.strip(), accountRef.strip(), restriction,
                List.copyOf(new LinkedHashSet<>(territorialScope)), ground, FieldCheck.strip(legalReference),
                FieldCheck.strip(termsReference), category, standardsVersion, facts.strip(), automatedDetection,
                automatedDecision, decidedAt, request().orElse(null), FieldCheck.strip(language), decider, accessCodeHash,
                null, null, now, 0);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
