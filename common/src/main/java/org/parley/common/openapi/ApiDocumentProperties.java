package org.parley.common.openapi;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's OpenAPI document says about where and what it is.
 *
 * @param publicUrl the gateway's public address, the document's one server: clients (and "Try it out" on
 *                  {@code /api/docs}) call the API there, never at a service's own address
 *                  ({@code PARLEY_API_PUBLIC_URL}; by default the local run's {@code http://localhost:8080})
 * @param version   the release the document describes: the project's version, written in at build time
 */
@ConfigurationProperties("parley.api")
public record ApiDocumentProperties(
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("unreleased") String version) {

    public ApiDocumentProperties {
        if (!publicUrl.isAbsolute() || publicUrl.getHost() == null) {
            throw new IllegalStateException("parley.api.public-url must be the gateway's absolute address, e.g. "
                    + "https://parley.example.org, not " + publicUrl);
        }
        // a server URL ends without a slash: paths start with one
        String url = publicUrl.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        publicUrl = URI.create(url);
    }
}
