package org.parley.request.safeguards.grpc;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.api.stakeholder.v1.AnswerTime;
import org.parley.api.stakeholder.v1.GetActiveStandardsRequest;
import org.parley.api.stakeholder.v1.Standards;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc.StandardsServiceBlockingStub;
import org.parley.common.downstream.Downstream;
import org.parley.common.downstream.Downstreams;
import org.parley.common.downstream.LastKnown;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.parley.common.kernel.Unavailable;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.safeguards.domain.StandardsCatalogue;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.LegitimateAim;
import org.parley.request.shared.domain.RequestType;
import org.springframework.stereotype.Component;

/**
 * The request rules of the standards in force, from {@code parley.downstream.stakeholder}. Which
 * version is in force is trusted for the downstream's {@code cache.ttl}, and while stakeholder-service
 * is unavailable for up to its {@code cache.max-staleness}; a version's content never changes once
 * published, so its rules are kept for good.
 */
@Component
class GrpcStandardsCatalogue implements StandardsCatalogue {

    private static final String ACTIVE = "active";

    private final Downstream stakeholder;
    private final StandardsServiceBlockingStub stub;
    private final LastKnown<String, RequestRules> active;
    private final Map<Integer, RequestRules> byVersion = new ConcurrentHashMap<>();

    GrpcStandardsCatalogue(Downstreams downstreams) {
        this.stakeholder = downstreams.get(GrpcStakeholderDirectory.DOWNSTREAM);
        // one copy for every caller, so it is fetched on the service's own account
        this.stub = CallerForwardingClientInterceptor.asService(
                stakeholder.stub(StandardsServiceGrpc::newBlockingStub), GrpcStakeholderDirectory.SERVICE);
        this.active = stakeholder.lastKnown();
    }

    @Override
    public RequestRules activeRules() {
        return active.get(ACTIVE, () -> {
            Standards standards = stakeholder.call(
                    () -> stub.getActiveStandards(GetActiveStandardsRequest.getDefaultInstance()).getStandards());
            if (standards.getVersion() <= 0) {
                throw new Unavailable("The standards catalogue (no version is in force)");
            }
            return byVersion.computeIfAbsent(standards.getVersion(), version -> toRules(standards));
        });
    }

    @Override
    public Optional<RequestRules> lastKnown() {
        return active.peek(ACTIVE);
    }

    static RequestRules toRules(Standards standards) {
        var rules = standards.getRequestRules();
        Set<DataCategory> judicial = EnumSet.noneOf(DataCategory.class);
        rules.getJudicialAuthorisationRequiredForList().forEach(category -> dataCategory(category).ifPresent(judicial::add));
        Map<RequestType, Duration> answerTimes = new EnumMap<>(RequestType.class);
        Set<RequestType> advisory = EnumSet.noneOf(RequestType.class);
        for (AnswerTime time : rules.getAnswerTimesList()) {
            requestType(time.getType()).ifPresent(type -> {
                answerTimes.put(type, Duration.ofMinutes(time.getMinutes()));
                if (time.getAdvisory()) {
                    advisory.add(type);
                }
            });
        }
        Set<LegitimateAim> aims = EnumSet.noneOf(LegitimateAim.class);
        rules.getLegitimateAimsList().forEach(aim -> LegitimateAim.parse(aim).ifPresent(aims::add));
        return new RequestRules(standards.getVersion(), rules.getMinStatementLength(),
                rules.getOverbreadthSubjectThreshold(), judicial, rules.getMaxInformationPeriodDays(),
                rules.getMaxGagDays(), rules.getTransparencyK(), answerTimes, aims, advisory);
    }

    static Optional<DataCategory> dataCategory(org.parley.api.common.v1.DataCategory category) {
        return switch (category) {
            case DATA_CATEGORY_SUBSCRIBER -> Optional.of(DataCategory.SUBSCRIBER);
            case DATA_CATEGORY_TRAFFIC -> Optional.of(DataCategory.TRAFFIC);
            case DATA_CATEGORY_CONTENT -> Optional.of(DataCategory.CONTENT);
            default -> Optional.empty();
        };
    }

    static Optional<RequestType> requestType(org.parley.api.common.v1.RequestType type) {
        return switch (type) {
            case REQUEST_TYPE_INFORMATION -> Optional.of(RequestType.INFORMATION);
            case REQUEST_TYPE_REMOVAL_ORDER -> Optional.of(RequestType.REMOVAL_ORDER);
            case REQUEST_TYPE_REFERRAL -> Optional.of(RequestType.REFERRAL);
            case REQUEST_TYPE_PRESERVATION -> Optional.of(RequestType.PRESERVATION);
            case REQUEST_TYPE_EMERGENCY_DISCLOSURE -> Optional.of(RequestType.EMERGENCY_DISCLOSURE);
            default -> Optional.empty();
        };
    }
}
