package org.parley.appeal.claim;

import java.time.Duration;
import org.parley.appeal.claim.domain.AttemptLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many access codes a person, and a notice, may be tried with before claims are locked for a while. */
@ConfigurationProperties("parley.appeal.claims")
public record ClaimLimits(
        @DefaultValue("5") int callerMaxAttempts,
        @DefaultValue("PT1H") Duration callerWindow,
        @DefaultValue("PT1H") Duration callerLockout,
        @DefaultValue("10") int noticeMaxAttempts,
        @DefaultValue("PT1H") Duration noticeWindow,
        @DefaultValue("PT1H") Duration noticeLockout) {

    public AttemptLimit caller() {
        return new AttemptLimit(callerMaxAttempts, callerWindow, callerLockout);
    }

    public AttemptLimit notice() {
        return new AttemptLimit(noticeMaxAttempts, noticeWindow, noticeLockout);
    }
}
