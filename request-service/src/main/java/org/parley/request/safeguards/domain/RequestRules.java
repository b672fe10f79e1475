package org.parley.request.safeguards.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.LegitimateAim;
import org.parley.request.shared.domain.RequestType;

/**
 * The parameters of the safeguards check, from one published version of the standards catalogue.
 * A parameter the version leaves unset (zero or empty) takes the default below, so a sparse
 * catalogue still yields a safe check; CONTENT data always needs judicial authorisation.
 *
 * @param version                           the standards version these rules come from
 * @param minStatementLength                necessity and proportionality statements need at least this many characters
 * @param overbreadthSubjectThreshold       more subjects than this draw an OVERBREADTH warning
 * @param judicialAuthorisationRequiredFor  data categories that need a court's authorisation
 * @param maxInformationPeriodDays          the longest period an INFORMATION request may cover
 * @param maxGagDays                        the longest a gag order may last from submission
 * @param transparencyK                     counts below this are published as "&lt;k"
 * @param answerTimes                       how long a company has to answer, per type; a type absent here has no due time
 * @param legitimateAims                    the ICCPR 19(3) aims the catalogue accepts
 * @param advisoryAnswerTimes               types whose answer time is a recommendation, not a due time; REFERRAL always
 *                                          (the company decides under its own terms, so nothing compels an answer)
 */
public record RequestRules(
        int version,
        int minStatementLength,
        int overbreadthSubjectThreshold,
        Set<DataCategory> judicialAuthorisationRequiredFor,
        int maxInformationPeriodDays,
        int maxGagDays,
        int transparencyK,
        Map<RequestType, Duration> answerTimes,
        Set<LegitimateAim> legitimateAims,
        Set<RequestType> advisoryAnswerTimes) {

    public static final int DEFAULT_MIN_STATEMENT_LENGTH = 50;
    public static final int DEFAULT_OVERBREADTH_THRESHOLD = 25;
    public static final int DEFAULT_MAX_INFORMATION_PERIOD_DAYS = 366;
    public static final int DEFAULT_MAX_GAG_DAYS = 180;
    public static final int DEFAULT_K = 5;
    public static final Map<RequestType, Duration> DEFAULT_ANSWER_TIMES = Map.of(
            RequestType.REMOVAL_ORDER, Duration.ofHours(1),
            RequestType.EMERGENCY_DISCLOSURE, Duration.ofHours(4),
            RequestType.PRESERVATION, Duration.ofDays(2),
            RequestType.INFORMATION, Duration.ofDays(10),
            RequestType.REFERRAL, Duration.ofDays(7));

    public RequestRules {
        minStatementLength = positiveOr(minStatementLength, DEFAULT_MIN_STATEMENT_LENGTH);
        overbreadthSubjectThreshold = positiveOr(overbreadthSubjectThreshold, DEFAULT_OVERBREADTH_THRESHOLD);
        maxInformationPeriodDays = positiveOr(maxInformationPeriodDays, DEFAULT_MAX_INFORMATION_PERIOD_DAYS);
        maxGagDays = positiveOr(maxGagDays, DEFAULT_MAX_GAG_DAYS);
        transparencyK = positiveOr(transparencyK, DEFAULT_K);
        EnumSet<DataCategory> judicial = EnumSet.of(DataCategory.CONTENT);
        if (judicialAuthorisationRequiredFor != null) {
            judicial.addAll(judicialAuthorisationRequiredFor);
        }
        judicialAuthorisationRequiredFor = Collections.unmodifiableSet(judicial);
        EnumMap<RequestType, Duration> times = new EnumMap<>(RequestType.class);
        times.putAll(DEFAULT_ANSWER_TIMES);
        if (answerTimes != null) {
            answerTimes.forEach((type, time) -> {
                if (type != null && time != null && time.isPositive()) {
                    times.put(type, time);
                }
            });
        }
        answerTimes = Collections.unmodifiableMap(times);
        legitimateAims = legitimateAims == null || legitimateAims.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.allOf(LegitimateAim.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(legitimateAims));
        EnumSet<RequestType> advisory = EnumSet.of(RequestType.REFERRAL);
        if (advisoryAnswerTimes != null) {
            advisory.addAll(advisoryAnswerTimes);
        }
        advisoryAnswerTimes = Collections.unmodifiableSet(advisory);
    }

    /** The rules of a catalogue that publishes no advisory answer times beyond the REFERRAL floor. */
    public RequestRules(int version, int minStatementLength, int overbreadthSubjectThreshold,
            Set<DataCategory> judicialAuthorisationRequiredFor, int maxInformationPeriodDays, int maxGagDays,
            int transparencyK, Map<RequestType, Duration> answerTimes, Set<LegitimateAim> legitimateAims) {
        this(version, minStatementLength, overbreadthSubjectThreshold, judicialAuthorisationRequiredFor,
                maxInformationPeriodDays, maxGagDays, transparencyK, answerTimes, legitimateAims, Set.of());
    }

    /** Every parameter at its default: the rules of a catalogue that says nothing. */
    public static RequestRules defaults(int version) {
        return new RequestRules(version, 0, 0, Set.of(), 0, 0, 0, Map.of(), Set.of());
    }

    /** How long a company has to answer a request of this type, if it has a due time at all. */
    public Optional<Duration> answerTime(RequestType type) {
        return advisoryAnswerTimes.contains(type) ? Optional.empty() : Optional.ofNullable(answerTimes.get(type));
    }

    /** The answer time the standards recommend for a type without a due time, if any. */
    public Optional<Duration> recommendedAnswerTime(RequestType type) {
        return advisoryAnswerTimes.contains(type) ? Optional.ofNullable(answerTimes.get(type)) : Optional.empty();
    }

    private static int positiveOr(int value, int fallback) {
        return value > 0 ? value : fallback;
    }
}
