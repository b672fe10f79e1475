package org.parley.portal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the portal, bound from {@code parley.portal.*}; local defaults in
 * {@code application.yml}, addresses from the environment.
 *
 * @param apiUri       base URL of the public API, the gateway ({@code PARLEY_API_URI})
 * @param connectTimeout how long a call to the API waits for a connection
 * @param readTimeout  how long a call to the API waits for its answer
 * @param pageDeadline how long a page waits for all of its calls together; what is late is shown as missing
 * @param languages    the languages offered, the first one the default
 */
@ConfigurationProperties("parley.portal")
public record PortalProperties(
        URI apiUri,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("6s") Duration pageDeadline,
        @DefaultValue({"en", "fr", "de", "ar"}) List<Locale> languages) {

    public PortalProperties {
        if (apiUri == null) {
            throw new IllegalArgumentException("parley.portal.api-uri is required: set PARLEY_API_URI to the "
                    + "gateway's base URL (e.g. http://127.0.0.1:8080)");
        }
        if (languages == null || languages.isEmpty()) {
            throw new IllegalArgumentException("parley.portal.languages must name at least one language");
        }
        languages = List.copyOf(languages);
    }

    public Locale defaultLanguage() {
        return languages.getFirst();
    }
}
