package org.parley.appeal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service's OpenAPI document says of itself; common completes it (servers, security, problems). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI appealServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Parley appeal-service")
                        .description("What a person whose content was restricted gets: a statement of reasons (a "
                                + "notice), which they claim with its reference and access code, an appeal with a "
                                + "human review by the company, escalation to an independent reviewer, and public "
                                + "figures on all of it."))
                .addTagsItem(new Tag().name("Notices")
                        .description("Statements of reasons: recorded by a company, claimed by the person they concern."))
                .addTagsItem(new Tag().name("Appeals")
                        .description("Appeals against a restriction: the company's human review, escalation, the "
                                + "independent decision."))
                .addTagsItem(new Tag().name("Transparency")
                        .description("Public figures on notices and appeals, small counts suppressed."))
                .addTagsItem(new Tag().name("DSA export")
                        .description("Every day's statements of reasons as the DSA Transparency Database's daily files, "
                                + "full and light, with their checksums; public."));
    }
}
