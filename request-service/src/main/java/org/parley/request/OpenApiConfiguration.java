package org.parley.request;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service's OpenAPI document says of itself; common completes it (servers, security, problems). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI requestServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Parley request-service")
                        .description("Government requests to companies under human-rights safeguards: submission and "
                                + "the safeguards check, the lifecycle and its clock, emergency confirmation, "
                                + "deconfliction, gag orders, company responses and request transparency. The "
                                + "authority of a request is always the submitting liaison's own: it comes from the "
                                + "token, never from the body."))
                .addTagsItem(new Tag().name("Requests")
                        .description("Submitting a request (removal order, information request, referral, preservation), "
                                + "its safeguards check, and everything its parties do to it afterwards."))
                .addTagsItem(new Tag().name("Request events")
                        .description("A live stream of changes to the requests the caller may see."))
                .addTagsItem(new Tag().name("Transparency")
                        .description("Public figures on government requests, small counts suppressed."))
                .addTagsItem(new Tag().name("Archive")
                        .description("The public archive: each request that is final and under no gag order, with "
                                + "the people's data redacted from its subjects and what was redacted said on the record."));
    }
}
