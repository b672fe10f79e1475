package org.parley.stakeholder.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;

/**
 * Pledging a clause: a company's responders (or an admin) pledge, anyone reads the pledge, a clause is
 * pledged once while the pledge stands, and a broken pledge is refused naming the field.
 */
class PledgeIT extends PledgingCompany {

    @Test
    void aCompanysResponderPledgesAClauseAndAnyoneReadsIt() {
        Reply pledged = api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-1")).auth(responder).send();

        assertThat(pledged.status()).as(pledged.toString()).isEqualTo(201);
        String id = pledged.json().get("id").asString();
        assertThat(pledged.header("Location")).isEqualTo("/api/v1/commitments/" + id);
        assertThat(pledged.json().get("status").asString()).isEqualTo("PLEDGED");
        assertThat(pledged.json().get("nextStatuses").toString()).isEqualTo("[\"IN_PROGRESS\",\"LAPSED\",\"WITHDRAWN\"]");

        Reply read = api.get("/api/v1/commitments/" + id).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("clause").get("text").asString()).isEqualTo(
                "Clause OSP-1 of " + read.json().get("framework").get("name").asString());
        assertThat(read.json().get("stakeholder").get("id").asString()).isEqualTo(company);
        assertThat(read.json().has("indicator")).isFalse();

        Reply list = api.get("/api/v1/stakeholders/" + company + "/commitments").send();
        assertThat(ids(list)).containsExactly(id);
        assertThat(list.json().get("counts").get("PLEDGED").asLong()).isEqualTo(1);
        assertThat(list.json().get("counts").get("IMPLEMENTED").asLong()).isZero();
        assertThat(audited("COMMITMENT_PLEDGED", id)).isEqualTo(1);
    }

    @Test
    void anAdminPledgesForAStakeholderToo() {
        assertThat(api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-2")).auth(ADMIN).send().status())
                .isEqualTo(201);
    }

    @Test
    void aClauseIsPledgedOnceWhileThePledgeStandsAndAgainAfterItsWithdrawal() {
        String first = pledge("OSP-1");

        Reply twice = api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-1")).auth(responder).send();
        assertThat(twice.status()).isEqualTo(409);

        assertThat(status(first, "WITHDRAWN").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-1")).auth(responder).send().status())
                .isEqualTo(201);
    }

    @Test
    void badPledgesAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = count("commitment");

        Map<String, Object> unknownIndicator = pledgeOf("OSP-1");
        unknownIndicator.put("indicator", "HAPPINESS");
        Reply enumReply = api.post("/api/v1/stakeholders/" + company + "/commitments", unknownIndicator).auth(responder).send();
        Reply missing = api.post("/api/v1/stakeholders/" + company + "/commitments", Map.of()).auth(responder).send();
        Reply wrongClause = api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-9")).auth(responder).send();
        Map<String, Object> oversized = pledgeOf("x".repeat(21));
        Reply tooLong = api.post("/api/v1/stakeholders/" + company + "/commitments", oversized).auth(responder).send();

        assertThat(enumReply.status()).isEqualTo(400);
        assertThat(enumReply.json().get("errors").get(0).get("field").asString()).isEqualTo("indicator");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("frameworkId", "clauseNumber", "targetDate");
        assertThat(wrongClause.status()).isEqualTo(422);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(count("commitment")).isEqualTo(before);
    }

    @Test
    void aStateCannotPledgeAMeasuredIndicator() {
        String ministry = state("Indicator Ministry " + System.nanoTime(), "FR");
        Map<String, Object> body = pledgeOf("OSP-1");
        body.put("indicator", "OVERDUE_REQUESTS");

        Reply reply = api.post("/api/v1/stakeholders/" + ministry + "/commitments", body).auth(liaisonOf(ministry)).send();

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("indicator");
        assertThat(LocalDate.parse(String.valueOf(body.get("targetDate")))).isAfter(clock.today());
    }
}
