package org.parley.request.safeguards.grpc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.api.stakeholder.v1.AnswerTime;
import org.parley.api.stakeholder.v1.Standards;
import org.parley.common.kernel.Unavailable;
import org.parley.request.RequestServiceProperties;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.safeguards.domain.StandardsCatalogue;
import org.parley.request.submission.domain.DataCategory;
import org.parley.request.submission.domain.LegitimateAim;
import org.parley.request.submission.domain.RequestType;
import org.springframework.stereotype.Component;

/**
 * The request rules of the standards in force, cached by version: which version is in force is
 * trusted for a short time ({@code parley.request.standards-active-ttl}); a version's content never
 * changes once published, so it is kept for good.
 */
@Component
class GrpcStandardsCatalogue implements StandardsCatalogue {

    private final StandardsClient client;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Integer, RequestRules> byVersion = new ConcurrentHashMap<>();
    private volatile Active active;

    GrpcStandardsCatalogue(StandardsClient client, Clock clock, RequestServiceProperties properties) {
        this.client = client;
        this.clock = clock;
        this.ttl = properties.standardsActiveTtl();
    }

    @Override
    public RequestRules activeRules() {
        Instant now = clock.instant();
        Active current = active;
        if (current != null && now.isBefore(current.checkedAt().plus(ttl))) {
            return byVersion.get(current.version());
        }
        Standards standards = client.active();
        if (standards.getVersion() <= 0) {
            throw new Unavailable("The standards catalogue (no version is in force)");
        }
        RequestRules rules = byVersion.computeIfAbsent(standards.getVersion(), version -> toRules(standards));
        active = new Active(standards.getVersion(), now);
        return rules;
    }

    @Override
    public Optional<RequestRules> lastKnown() {
        Active current = active;
        return current == null ? Optional.empty() : Optional.ofNullable(byVersion.get(current.version()));
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

    private record Active(int version, Instant checkedAt) {}
}
