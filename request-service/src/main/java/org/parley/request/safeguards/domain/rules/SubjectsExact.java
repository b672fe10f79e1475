package org.parley.request.safeguards.domain.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;
import org.parley.request.shared.domain.Subject;
import org.parley.request.shared.domain.SubjectKind;

/**
 * Every subject names one thing exactly: a full http(s) URL of one piece of content, or one account
 * identifier. Wildcards and bare domains would sweep in everyone else's speech.
 */
public final class SubjectsExact implements SafeguardRule {

    /** Findings named one by one; beyond that, one more finding counts the rest. */
    static final int LISTED = 10;

    @Override
    public String code() {
        return "SUBJECTS_EXACT";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        List<Finding> findings = new ArrayList<>();
        int inexact = 0;
        List<Subject> subjects = c.request().subjects();
        for (int i = 0; i < subjects.size(); i++) {
            Optional<String> problem = problem(subjects.get(i));
            if (problem.isPresent()) {
                inexact++;
                if (inexact <= LISTED) {
                    findings.add(blocker("subjects[" + i + "] " + problem.get()));
                }
            }
        }
        if (inexact > LISTED) {
            findings.add(blocker((inexact - LISTED) + " more subjects are not exact"));
        }
        return findings;
    }

    /** Why a subject is not exact, if it is not. */
    static Optional<String> problem(Subject subject) {
        String value = subject.value();
        if (subject.kind() == null || value == null || value.isEmpty()) {
            return Optional.of("names nothing");
        }
        if (value.contains("*")) {
            return Optional.of("contains a wildcard");
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("contains white space: name one URL or account per subject");
        }
        return subject.kind() == SubjectKind.URL ? urlProblem(value) : Optional.empty();
    }

    private static Optional<String> urlProblem(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("is not a full http(s) URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("has no host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean bare = (path.isEmpty() || path.equals("/")) && uri.getRawQuery() == null;
        if (bare) {
            return Optional.of("is a bare domain, not one piece of content");
        }
        return Optional.empty();
    }
}
