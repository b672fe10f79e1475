package org.parley.appeal.shared.domain;

import java.util.UUID;

/**
 * Tells a company's own systems (its webhooks, its contact point) what happened to an appeal on one of its
 * notices: the event is stored with the change, in its transaction, and relayed once that commits. A change
 * that rolls back tells nobody.
 */
public interface CompanyEvents {

    /** What a company's systems hear of appeals. */
    enum Kind {
        /** A person appealed one of the company's decisions. */
        APPEAL_CREATED,
        /** The person took the appeal to an independent body. */
        APPEAL_ESCALATED
    }

    /** Must run inside the transaction of the change. */
    void tell(UUID appealId, UUID companyId, Kind kind);
}
