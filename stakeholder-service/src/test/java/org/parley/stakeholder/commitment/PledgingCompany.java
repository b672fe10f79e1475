package org.parley.stakeholder.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.stakeholder.support.Frameworks.framework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.support.StakeholderServiceIT;

/**
 * A company that has just registered and a framework of three clauses (OSP-1 to OSP-3), fresh for
 * every test, and the steps that pledge and move its commitments.
 */
abstract class PledgingCompany extends StakeholderServiceIT {

    String company;
    String responder;
    String frameworkId;

    @BeforeEach
    void aCompanyAndAFramework() {
        company = company("Pledging Co " + System.nanoTime());
        responder = responderOf(company);
        frameworkId = api.post("/api/v1/frameworks", framework("Call " + System.nanoTime(), "OSP-1", "OSP-2", "OSP-3"))
                .auth(ADMIN).send().json().get("id").asString();
    }

    Map<String, Object> pledgeOf(String clause) {
        return new HashMap<>(Map.of("frameworkId", frameworkId, "clauseNumber", clause,
                "targetDate", clock.today().plusMonths(6).toString()));
    }

    String pledge(String clause) {
        Reply reply = api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf(clause)).auth(responder).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    static List<String> ids(Reply list) {
        List<String> ids = new java.util.ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    Reply status(String id, String status) {
        return api.patch("/api/v1/commitments/" + id, Map.of("status", status)).auth(responder).send();
    }
}
