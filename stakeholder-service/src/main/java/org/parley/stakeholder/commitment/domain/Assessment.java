package org.parley.stakeholder.commitment.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Role;

/**
 * An independent assessment of a commitment by a reviewer, who is named, and whose own
 * organisation (if the reviewer acts for one) is recorded so that anyone can see it is another.
 */
public record Assessment(UUID id, UUID commitmentId, Rating rating, String findings, String assessorName,
        Optional<UUID> assessorStakeholderId, Instant assessedAt) {

    public static final int MAX_FINDINGS = 10_000;

    /**
     * A reviewer's assessment: 403 for anyone who is not a reviewer or who acts for the assessed
     * stakeholder itself; 409 on a withdrawn commitment; 422 naming broken fields.
     */
    public static Assessment by(Caller assessor, Commitment commitment, UUID id, Rating rating, String findings, Instant now) {
        assessor.require(Role.REVIEWER);
        Optional<UUID> organisation = assessor.stakeholderId().flatMap(Ids::parse);
        if (organisation.map(commitment.stakeholderId()::equals).orElse(false)) {
            throw new Forbidden("An assessor never assesses their own organisation's commitments");
        }
        if (commitment.status() == CommitmentStatus.WITHDRAWN) {
            throw new Conflict("COMMITMENT_WITHDRAWN", "A withdrawn commitment is not assessed");
        }
        FieldCheck check = FieldCheck.start();
        check.required("rating", rating);
        check.text("findings", findings, MAX_FINDINGS);
        check.orThrow();
        return new Assessment(id, commitment.id(), rating, findings.strip(), assessor.username(), organisation, now);
    }
}
