package org.parley.common.outbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service hands its events for companies to stakeholder-service ({@link CompanyEventRelay}), and
 * the addresses its events link to.
 *
 * @param relay          whether this instance relays (every instance may: rows are claimed with skip locked)
 * @param batch          how many rows one transaction claims and relays at most
 * @param pollInterval   how often the relay looks for rows when nothing woke it
 * @param firstBackoff   the first pause after the hub was found unavailable; it doubles with every failure
 * @param longestBackoff the longest pause while the hub stays unavailable
 * @param portalUrl      the portal's public address (links to a record in a company's desk)
 * @param apiUrl         the gateway's public address (links to a record in the API)
 */
@ConfigurationProperties("parley.company-events")
public record CompanyEventSettings(
        @DefaultValue("true") boolean relay,
        @DefaultValue("50") int batch,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT0.2S") Duration firstBackoff,
        @DefaultValue("PT10S") Duration longestBackoff,
        @DefaultValue("http://localhost:8080") URI portalUrl,
        @DefaultValue("http://localhost:8080") URI apiUrl) {

    public CompanyEventSettings {
        if (batch < 1) {
            throw new IllegalStateException("parley.company-events.batch must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalStateException("parley.company-events.poll-interval must be positive");
        }
        if (firstBackoff.isNegative() || firstBackoff.isZero() || longestBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalStateException("parley.company-events.first-backoff must be positive and at most longest-backoff");
        }
        portalUrl = withoutTrailingSlash(portalUrl, "portal-url");
        apiUrl = withoutTrailingSlash(apiUrl, "api-url");
    }

    /** {@code path} (starting with a slash) in the portal. */
    public String portal(String path) {
        return portalUrl + path;
    }

    /** {@code path} (starting with a slash) in the API. */
    public String api(String path) {
        return apiUrl + path;
    }

    private static URI withoutTrailingSlash(URI url, String name) {
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalStateException("parley.company-events." + name + " must be an absolute address, not " + url);
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }
}
