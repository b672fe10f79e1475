package org.parley.stakeholder.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub delivers.
 *
 * @param localTargetsForAdmins the development exception: an endpoint an admin registers while this is
 *                              on may receive on loopback and private addresses, over plain http (the
 *                              local platform and the system tests); on in the dev and demo profiles only
 * @param pollInterval          how often every instance looks for due deliveries besides being woken by
 *                              its own commits (other instances' events, retries)
 * @param lease                 how long an instance holds an endpoint for one attempt: longer than the
 *                              connect and answer timeouts together
 * @param concurrency           endpoints served at once by one instance
 * @param retrySteps            the backoff steps between attempts (jittered)
 * @param rotationOverlap       how long a rotated secret keeps signing beside the new one
 * @param mailRetrySteps        the backoff steps between attempts to hand a mail to the SMTP server
 * @param mailFrom              the sender of mails to the companies
 */
@ConfigurationProperties("parley.webhooks")
public record WebhookProperties(boolean localTargetsForAdmins, Duration pollInterval, Duration lease, int concurrency,
        Duration connectTimeout, Duration responseTimeout, List<Duration> retrySteps, Duration rotationOverlap,
        List<Duration> mailRetrySteps, String mailFrom) {}
