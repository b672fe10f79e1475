package org.parley.appeal.support;

import java.util.UUID;
import org.parley.common.kernel.Role;

/**
 * The people of one test, fresh for each: a company with three responders (the one who decides, a colleague
 * and a deputy), another company's responder, two appellants, two independent reviewers, an insider who is a
 * reviewer and a responder of the company at once, an admin and a liaison. Fresh names keep tests apart in
 * the shared database (claim limits count per person).
 */
public record World(String company, Actor decider, Actor colleague, Actor deputy, String otherCompany, Actor stranger,
        Actor appellant, Actor otherAppellant, Actor reviewer, Actor otherReviewer, Actor insider, Actor admin,
        Actor liaison) {

    public static World fresh() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String company = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        return new World(company,
                Actor.of("decider-" + tag, company, Role.COMPANY_RESPONDER),
                Actor.of("colleague-" + tag, company, Role.COMPANY_RESPONDER),
                Actor.of("deputy-" + tag, company, Role.COMPANY_RESPONDER),
                other,
                Actor.of("stranger-" + tag, other, Role.COMPANY_RESPONDER),
                Actor.of("appellant-" + tag, null, Role.APPELLANT),
                Actor.of("other-appellant-" + tag, null, Role.APPELLANT),
                Actor.of("reviewer-" + tag, null, Role.REVIEWER),
                Actor.of("other-reviewer-" + tag, null, Role.REVIEWER),
                Actor.of("insider-" + tag, company, Role.REVIEWER, Role.COMPANY_RESPONDER),
                Actor.of("admin-" + tag, null, Role.ADMIN),
                Actor.of("liaison-" + tag, "01930000-0000-7000-8000-00000000a001", Role.GOV_LIAISON));
    }
}
