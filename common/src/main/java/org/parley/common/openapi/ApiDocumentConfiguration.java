package org.parley.common.openapi;

import org.parley.common.kernel.Caller;
import org.parley.common.security.ParleySecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every service's OpenAPI document at {@code /v3/api-docs}, completed the same way
 * ({@link ApiDocumentCustomizer}); the service itself names its title, description and tags. The
 * caller comes from the token, never from a parameter, so {@link Caller} arguments are not described.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocumentProperties.class)
public class ApiDocumentConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenApiCustomizer parleyApiDocument(ApiDocumentProperties api, ParleySecurityProperties security) {
        return new ApiDocumentCustomizer(api, security);
    }
}
