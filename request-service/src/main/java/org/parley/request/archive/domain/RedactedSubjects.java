package org.parley.request.archive.domain;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subjects of one request as published, and what was taken out of them: "what is redacted is
 * said on the record".
 *
 * @param subjects   each subject in the request's order, redacted
 * @param redactions how many subjects lost each kind of part, in the order of {@link RedactionKind}
 */
public record RedactedSubjects(List<RedactedSubject> subjects, Map<RedactionKind, Integer> redactions) {

    public RedactedSubjects {
        subjects = List.copyOf(subjects);
        EnumMap<RedactionKind, Integer> counts = new EnumMap<>(RedactionKind.class);
        counts.putAll(redactions);
        redactions = java.util.Collections.unmodifiableMap(counts);
    }

    static RedactedSubjects of(List<RedactedSubject> subjects) {
        EnumMap<RedactionKind, Integer> counts = new EnumMap<>(RedactionKind.class);
        for (RedactedSubject subject : subjects) {
            for (RedactionKind kind : subject.redactions()) {
                counts.merge(kind, 1, Integer::sum);
            }
        }
        return new RedactedSubjects(subjects, counts);
    }

    /** The distinct registrable domains the subjects name, in order of first appearance: what {@code q} finds. */
    public List<String> domains() {
        Set<String> domains = new LinkedHashSet<>();
        subjects.forEach(s -> {
            if (s.domain() != null) {
                domains.add(s.domain());
            }
        });
        return List.copyOf(domains);
    }
}
