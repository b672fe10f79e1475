package org.parley.appeal.claim;

import java.time.Duration;
import org.parley.appeal.claim.domain.AttemptLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many access codes a person may try, in all and on one reference, before their own claims are locked
 * for a while; and how many wrong codes on one reference, from anyone, leave an audit record (it locks
 * nobody out).
 */
@ConfigurationProperties("parley.appeal.claims")
public record ClaimLimits(
        @DefaultValue("5") int callerMaxAttempts,
        @DefaultValue("3") int callerReferenceMaxAttempts,
        @DefaultValue("PT1H") Duration callerWindow,
        @DefaultValue("PT1H") Duration callerLockout,
        @DefaultValue("10") int referenceReportedAfter,
        @DefaultValue("PT1H") Duration referenceWindow) {

    public AttemptLimit caller() {
        return new AttemptLimit(callerMaxAttempts, callerWindow, callerLockout);
    }

    public AttemptLimit callerReference() {
        return new AttemptLimit(callerReferenceMaxAttempts, callerWindow, callerLockout);
    }

    /** Past it a reference is reported once per window; "locked" means only "reported" here. */
    public AttemptLimit reference() {
        return new AttemptLimit(referenceReportedAfter, referenceWindow, referenceWindow);
    }
}
