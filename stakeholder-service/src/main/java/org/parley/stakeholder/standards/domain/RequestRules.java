package org.parley.stakeholder.standards.domain;

import java.util.List;
import java.util.Set;

/** The parameters of the safeguards check that request-service runs at every submission. */
public record RequestRules(int minStatementLength, int overbreadthSubjectThreshold,
        Set<DataCategory> judicialAuthorisationRequiredFor, int maxInformationPeriodDays, int maxGagDays,
        int transparencyK, List<AnswerTime> answerTimes, List<LegitimateAim> legitimateAims) {

    public RequestRules {
        judicialAuthorisationRequiredFor = Set.copyOf(judicialAuthorisationRequiredFor);
        answerTimes = List.copyOf(answerTimes);
        legitimateAims = List.copyOf(legitimateAims);
    }
}
