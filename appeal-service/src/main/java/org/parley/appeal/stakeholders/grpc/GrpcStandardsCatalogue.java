package org.parley.appeal.stakeholders.grpc;

import org.parley.api.stakeholder.v1.Standards;
import org.parley.appeal.stakeholders.domain.ActiveStandards;
import org.parley.appeal.stakeholders.domain.ContentCategory;
import org.parley.appeal.stakeholders.domain.StandardsCatalogue;
import org.parley.common.downstream.LastKnown;
import org.parley.common.kernel.Unavailable;
import org.springframework.stereotype.Component;

/**
 * The active standards, kept for the downstream's {@code parley.downstream.stakeholder.cache.ttl}.
 * Published versions never change, only which one is active; while stakeholder-service is unavailable
 * the last copy serves for up to its {@code cache.max-staleness}.
 */
@Component
class GrpcStandardsCatalogue implements StandardsCatalogue {

    private static final String ACTIVE = "active";

    private final StakeholderClient client;
    private final LastKnown<String, ActiveStandards> active;

    GrpcStandardsCatalogue(StakeholderClient client) {
        this.client = client;
        this.active = client.downstream().lastKnown();
    }

    @Override
    public ActiveStandards active() {
        try {
            return active.get(ACTIVE, () -> map(client.activeStandards()));
        } catch (RuntimeException e) {
            throw new Unavailable("stakeholder-service (standards catalogue)");
        }
    }

    static ActiveStandards map(Standards standards) {
        return new ActiveStandards(standards.getVersion(),
                standards.getContentCategoriesList().stream()
                        .map(c -> new ContentCategory(c.getCode(), c.getName().isBlank() ? c.getCode() : c.getName(),
                                c.getIncitement()))
                        .toList(),
                standards.hasRequestRules() ? standards.getRequestRules().getTransparencyK() : 0);
    }

}
