package org.parley.gateway.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /api/docs}: one page that shows the OpenAPI documents of all services (Swagger UI
 * from its webjar); each document is fetched through the route {@code /api/docs/<service>}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsPage {

    private static final ClassPathResource PAGE = new ClassPathResource("api-docs/index.html");

    @Bean
    RouterFunction<ServerResponse> apiDocs() {
        return RouterFunctions.route(RequestPredicates.GET("/api/docs"),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(PAGE));
    }
}
