package org.parley.appeal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.parley.common.kernel.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: the caller comes from the token, never from parameters. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI appealServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Parley appeal-service")
                .version("v1")
                .description("Statements of reasons, claims, appeals, reviews, escalation and appeal transparency."));
    }
}
