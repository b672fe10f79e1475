package org.parley.request.archive.domain;

import java.util.List;
import org.parley.request.shared.domain.SubjectKind;

/**
 * A subject as the archive publishes it.
 *
 * @param kind       URL or ACCOUNT
 * @param shown      what is left of it, with {@link Redaction#MARKER} where something was taken out; null when nothing is left
 * @param domain     the registrable domain it belongs to, when it names one (searchable); null otherwise
 * @param redactions what was taken out of it, each kind once
 */
public record RedactedSubject(SubjectKind kind, String shown, String domain, List<RedactionKind> redactions) {

    public RedactedSubject {
        redactions = List.copyOf(redactions);
    }
}
