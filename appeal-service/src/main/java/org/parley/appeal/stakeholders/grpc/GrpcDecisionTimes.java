package org.parley.appeal.stakeholders.grpc;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.api.stakeholder.v1.GetAppealDecisionTimeResponse;
import org.parley.appeal.AppealSettings;
import org.parley.appeal.stakeholders.domain.DecisionTime;
import org.parley.appeal.stakeholders.domain.DecisionTime.Source;
import org.parley.appeal.stakeholders.domain.DecisionTimes;
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
    private final Map<UUID, DecisionTime> lastKnown = new ConcurrentHashMap<>();

    GrpcDecisionTimes(StakeholderClient client, AppealSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public DecisionTime forCompany(UUID companyId) {
        try {
            GetAppealDecisionTimeResponse answer = client.appealDecisionTime(companyId.toString());
            DecisionTime time = answer.getCommitted() && answer.getDays() > 0
                    ? new DecisionTime(answer.getDays(), Source.COMMITMENT)
                    : new DecisionTime(settings.defaultDecisionDays(), Source.DEFAULT);
            lastKnown.put(companyId, time);
            return time;
        } catch (RuntimeException e) {
            DecisionTime known = lastKnown.get(companyId);
            log.warn("stakeholder-service did not tell the decision time of {}; using {}", companyId,
                    known != null ? known : "the default");
            return known != null ? known : new DecisionTime(settings.defaultDecisionDays(), Source.DEFAULT_UNREACHABLE);
        }
    }
}
