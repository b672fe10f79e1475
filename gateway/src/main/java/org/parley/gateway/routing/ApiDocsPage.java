package org.parley.gateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /api/docs}: one page that shows the OpenAPI documents of all services (Swagger UI from its
 * webjar); each document is fetched through the route {@code /api/docs/<service>}. "Authorize" signs a
 * person in at Keycloak with the realm's public client for this page
 * ({@code parley.gateway.api-docs.client-id}, {@code parley-api-docs}): the authorization code flow with
 * PKCE, back to the webjar's {@code /webjars/swagger-ui/oauth2-redirect.html} on the address the page was
 * opened at, which the client must list among its redirect URIs. "Try it out" calls the documents' server,
 * this gateway's public address.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsPage {

    /** Where Keycloak sends the browser back to after signing in (the Swagger UI webjar's page). */
    public static final String OAUTH2_REDIRECT = "/webjars/swagger-ui/oauth2-redirect.html";

    @Bean
    RouterFunction<ServerResponse> apiDocs(@Value("${parley.gateway.api-docs.client-id:parley-api-docs}") String clientId) {
        String page = page(clientId);
        return RouterFunctions.route(RequestPredicates.GET("/api/docs"),
                request -> ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .bodyValue(page));
    }

    /** The page with the client id written in once, escaped for the attribute it stands in. */
    static String page(String clientId) {
        try {
            String template = new ClassPathResource("api-docs/index.html").getContentAsString(StandardCharsets.UTF_8);
            return template.replace("{{clientId}}", HtmlUtils.htmlEscape(clientId));
        } catch (IOException e) {
            throw new UncheckedIOException("the API docs page is missing from the gateway's classpath", e);
        }
    }
}
