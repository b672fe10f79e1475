package org.parley.request.safeguards.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.LegitimateAim;
import org.parley.request.shared.domain.RequestType;

class RequestRulesTest {

    @Test
    void unsetParametersTakeSafeDefaults() {
        RequestRules rules = RequestRules.defaults(1);

        assertThat(rules.minStatementLength()).isEqualTo(50);
        assertThat(rules.transparencyK()).isEqualTo(5);
        assertThat(rules.answerTime(RequestType.REMOVAL_ORDER)).contains(Duration.ofHours(1));
        assertThat(rules.legitimateAims()).containsExactlyInAnyOrder(LegitimateAim.values());
        assertThat(rules.judicialAuthorisationRequiredFor()).containsExactly(DataCategory.CONTENT);
    }

    @Test
    void contentAlwaysNeedsAJudgeWhateverTheCatalogueSays() {
        RequestRules rules = new RequestRules(2, 0, 0, Set.of(DataCategory.TRAFFIC), 0, 0, 0, Map.of(), Set.of());

        assertThat(rules.judicialAuthorisationRequiredFor()).containsExactlyInAnyOrder(DataCategory.TRAFFIC, DataCategory.CONTENT);
    }

    @Test
    void publishedAnswerTimesReplaceTheDefaultsTypeByType() {
        RequestRules rules = new RequestRules(2, 0, 0, Set.of(), 0, 0, 0,
                Map.of(RequestType.INFORMATION, Duration.ofDays(3), RequestType.REFERRAL, Duration.ZERO), Set.of());

        assertThat(rules.answerTime(RequestType.INFORMATION)).contains(Duration.ofDays(3));
        assertThat(rules.answerTime(RequestType.REMOVAL_ORDER)).contains(Duration.ofHours(1));
        assertThat(rules.recommendedAnswerTime(RequestType.REFERRAL)).contains(Duration.ofDays(7));
    }

    @Test
    void aReferralNeverHasADueTimeOnlyARecommendation() {
        RequestRules rules = RequestRules.defaults(1);

        assertThat(rules.answerTime(RequestType.REFERRAL)).isEmpty();
        assertThat(rules.recommendedAnswerTime(RequestType.REFERRAL)).contains(Duration.ofDays(7));
        assertThat(rules.recommendedAnswerTime(RequestType.REMOVAL_ORDER)).isEmpty();
    }

    @Test
    void theCatalogueMayMakeMoreAnswerTimesAdvisory() {
        RequestRules rules = new RequestRules(2, 0, 0, Set.of(), 0, 0, 0, Map.of(), Set.of(), Set.of(RequestType.PRESERVATION));

        assertThat(rules.answerTime(RequestType.PRESERVATION)).isEmpty();
        assertThat(rules.recommendedAnswerTime(RequestType.PRESERVATION)).contains(Duration.ofDays(2));
        assertThat(rules.answerTime(RequestType.REFERRAL)).isEmpty();
    }
}
