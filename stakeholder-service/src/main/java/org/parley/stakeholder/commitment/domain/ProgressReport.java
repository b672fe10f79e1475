package org.parley.stakeholder.commitment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.Conflict;

/** The stakeholder's own dated account of its progress, with links to evidence. */
public record ProgressReport(UUID id, UUID commitmentId, String text, List<String> evidenceUrls, Instant reportedAt) {

    public static final int MAX_TEXT = 5000;
    public static final int MAX_EVIDENCE = 20;

    public ProgressReport {
        evidenceUrls = List.copyOf(evidenceUrls);
    }

    /** A report on a live commitment; 409 on a lapsed or withdrawn one, 422 naming broken fields. */
    public static ProgressReport on(Commitment commitment, UUID id, String text, List<String> evidenceUrls, Instant now) {
        if (!commitment.status().isLive()) {
            throw new Conflict("COMMITMENT_CLOSED", "A " + commitment.status() + " commitment takes no more progress reports");
        }
        List<String> links = evidenceUrls == null ? List.of() : new ArrayList<>(evidenceUrls);
        FieldCheck check = FieldCheck.start();
        check.text("text", text, MAX_TEXT);
        if (check.size("evidenceUrls", links, 0, MAX_EVIDENCE)) {
            for (int i = 0; i < links.size(); i++) {
                check.url("evidenceUrls[" + i + "]", links.get(i));
            }
        }
        check.orThrow();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(links.stream().map(String::strip).toList()));
        return new ProgressReport(id, commitment.id(), text.strip(), distinct, now);
    }
}
