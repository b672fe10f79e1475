package org.parley.appeal.stakeholders.grpc;

import java.time.Clock;
import java.time.Instant;
import org.parley.api.stakeholder.v1.Standards;
import org.parley.appeal.AppealSettings;
import org.parley.appeal.stakeholders.domain.ActiveStandards;
import org.parley.appeal.stakeholders.domain.ContentCategory;
import org.parley.appeal.stakeholders.domain.StandardsCatalogue;
import org.parley.common.kernel.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The active standards, kept for {@code parley.appeal.standards-cache-ttl}. Published versions never
 * change, only which one is active; while stakeholder-service is unreachable the last copy serves for up to
 * {@code parley.appeal.standards-max-staleness}.
 */
@Component
class GrpcStandardsCatalogue implements StandardsCatalogue {

    private static final Logger log = LoggerFactory.getLogger(GrpcStandardsCatalogue.class);

    private final StakeholderClient client;
    private final AppealSettings settings;
    private final Clock clock;
    private volatile Cached cached;

    GrpcStandardsCatalogue(StakeholderClient client, AppealSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ActiveStandards active() {
        Cached current = cached;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.fetchedAt().plus(settings.standardsCacheTtl()))) {
            return current.standards();
        }
        try {
            ActiveStandards fresh = map(client.activeStandards());
            cached = new Cached(fresh, now);
            return fresh;
        } catch (RuntimeException e) {
            if (current != null && now.isBefore(current.fetchedAt().plus(settings.standardsMaxStaleness()))) {
                log.warn("stakeholder-service did not answer; using standards version {} fetched at {}",
                        current.standards().version(), current.fetchedAt());
                return current.standards();
            }
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

    private record Cached(ActiveStandards standards, Instant fetchedAt) {}
}
