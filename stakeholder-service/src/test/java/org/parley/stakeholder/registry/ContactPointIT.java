package org.parley.stakeholder.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.support.StakeholderServiceIT;

/**
 * Where a company takes orders: its responders set it, and the escalation contact is shown only
 * to those who may escalate.
 */
class ContactPointIT extends StakeholderServiceIT {

    @Test
    void aCompanysRespondersSetItsContactPointAndOthersCannot() {
        String id = company("Contact Co");
        String other = company("Other Contact Co");

        Reply first = api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(responderOf(id)).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Reply again = api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(responderOf(id)).send();
        assertThat(again.status()).isEqualTo(200);

        assertThat(api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(responderOf(other)).send().status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(liaisonOf(id)).send().status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(ADMIN).send().status())
                .isEqualTo(200);
        assertThat(audited("CONTACT_POINT_SET", id)).isEqualTo(1);
        assertThat(audited("CONTACT_POINT_CHANGED", id)).isEqualTo(2);
    }

    @Test
    void theEscalationContactIsShownOnlyToThoseWhoMayEscalate() {
        String id = company("Escalation Co");
        api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(ADMIN).send();

        Reply anonymous = api.get("/api/v1/stakeholders/" + id).send();
        Reply liaison = api.get("/api/v1/stakeholders/" + id).auth(LIAISON).send();

        assertThat(anonymous.json().get("contactPoint").get("email").asString()).isEqualTo("orders@example.com");
        assertThat(anonymous.json().get("contactPoint").has("escalationContact")).isFalse();
        assertThat(liaison.json().get("contactPoint").get("escalationContact").asString()).isEqualTo("legal@example.com");
        assertThat(api.get("/api/v1/stakeholders/" + id + "/contact-point").send().json().get("languages").toString())
                .isEqualTo("[\"en\",\"fr\"]");
    }

    @Test
    void aContactPointIsForCompaniesAndEveryBrokenFieldIsNamed() {
        String state = state("No Orders Desk", "BE");
        String id = company("Broken Contact Co");

        assertThat(api.put("/api/v1/stakeholders/" + state + "/contact-point", contactPoint()).auth(ADMIN).send().status()).isEqualTo(422);
        Reply broken = api.put("/api/v1/stakeholders/" + id + "/contact-point", Map.of("email", "not-an-address", "phone", "call me",
                "languages", List.of("english"), "hours", "", "escalationContact", "x".repeat(300))).auth(ADMIN).send();

        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "phone", "languages[0]", "hours", "escalationContact");
        assertThat(api.get("/api/v1/stakeholders/" + id + "/contact-point").send().status()).isEqualTo(404);
    }
}
