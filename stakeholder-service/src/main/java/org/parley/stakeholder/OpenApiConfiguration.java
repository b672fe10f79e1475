package org.parley.stakeholder;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service's OpenAPI document says of itself; common completes it (servers, security, problems). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI stakeholderServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Parley stakeholder-service")
                        .description("Who takes part in the partnership and what they committed to: the registry of "
                                + "stakeholders (governments, companies, civil society, researchers) with their spheres "
                                + "of control and contact points, their member accounts, the frameworks of shared "
                                + "principles, commitments with progress reports and independent assessments, working "
                                + "groups, the versioned standards catalogue that the safeguards check applies, and the company events "
                                + "hub that pushes a company's events to its webhook endpoints and mails its contact point."))
                .addTagsItem(new Tag().name("Stakeholders")
                        .description("The registry: stakeholders, their spheres of control, a company's contact point."))
                .addTagsItem(new Tag().name("Members")
                        .description("The accounts that act for a stakeholder, provisioned in the identity provider."))
                .addTagsItem(new Tag().name("Frameworks")
                        .description("Frameworks of shared principles, each a list of numbered clauses."))
                .addTagsItem(new Tag().name("Commitments")
                        .description("Pledges to a framework's clauses, their progress reports and independent assessments."))
                .addTagsItem(new Tag().name("Working groups")
                        .description("Groups of stakeholders with a mandate."))
                .addTagsItem(new Tag().name("Webhooks")
                        .description("A company's webhook endpoints: its events (orders received, appeals, ...) pushed to its "
                                + "own systems, signed (Standard Webhooks), retried until delivered, with a delivery log."))
                .addTagsItem(new Tag().name("Standards")
                        .description("The standards catalogue: content categories and the rules for government requests, "
                                + "versioned; one version is in force."));
    }
}
