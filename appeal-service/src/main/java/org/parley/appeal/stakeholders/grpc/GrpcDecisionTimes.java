package org.parley.appeal.stakeholders.grpc;

import java.util.UUID;
import org.parley.api.stakeholder.v1.GetAppealDecisionTimeResponse;
import org.parley.appeal.AppealSettings;
import org.parley.appeal.stakeholders.domain.DecisionTime;
import org.parley.appeal.stakeholders.domain.DecisionTime.Source;
import org.parley.appeal.stakeholders.domain.DecisionTimes;
import org.parley.common.downstream.LastKnown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The decision time a company committed to ({@code CommitmentService.GetAppealDecisionTime}), else the
 * default. A user's appeal never waits on stakeholder-service: when it is unreachable the last answer
 * for that company serves, or the default, and the appeal records which.
 */
@Component
class GrpcDecisionTimes implements DecisionTimes {

    private static final Logger log = LoggerFactory.getLogger(GrpcDecisionTimes.class);

    private final StakeholderClient client;
    private final AppealSettings settings;
    /** Asked every time (a commitment may change at any moment); kept only for when it is unreachable. */
    private final LastKnown<UUID, DecisionTime> lastKnown;

    GrpcDecisionTimes(StakeholderClient client, AppealSettings settings) {
        this.client = client;
        this.settings = settings;
        this.lastKnown = client.downstream().lastKnownWhileUnavailable();
    }

    @Override
    public DecisionTime forCompany(UUID companyId) {
        try {
            return lastKnown.get(companyId, () -> {
                GetAppealDecisionTimeResponse answer = client.appealDecisionTime(companyId.toString());
                return answer.getCommitted() && answer.getDays() > 0
                        ? new DecisionTime(answer.getDays(), Source.COMMITMENT)
                        : new DecisionTime(settings.defaultDecisionDays(), Source.DEFAULT);
            });
        } catch (RuntimeException e) {
            // beyond the downstream's max staleness too: an old answer is still better than the default
            DecisionTime known = lastKnown.peek(companyId).orElse(null);
            log.warn("stakeholder-service did not tell the decision time of {}; using {}", companyId,
                    known != null ? known : "the default");
            return known != null ? known : new DecisionTime(settings.defaultDecisionDays(), Source.DEFAULT_UNREACHABLE);
        }
    }
}
