package org.parley.appeal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service behaves where the domain leaves a choice.
 *
 * @param defaultDecisionDays   days a company has to decide an appeal when it committed to nothing
 * @param defaultTransparencyK  counts below this are shown as "&lt;k" when the standards catalogue is unreachable
 * @param overdueBatch          how many overdue appeals one round of the deadline job marks at most
 */
@ConfigurationProperties("parley.appeal")
public record AppealSettings(
        @DefaultValue("14") int defaultDecisionDays,
        @DefaultValue("5") int defaultTransparencyK,
        @DefaultValue("200") int overdueBatch) {

    public AppealSettings {
        if (defaultDecisionDays < 1) {
            throw new IllegalStateException("parley.appeal.default-decision-days must be at least 1");
        }
        if (defaultTransparencyK < 1) {
            throw new IllegalStateException("parley.appeal.default-transparency-k must be at least 1");
        }
    }
}
