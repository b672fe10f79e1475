package org.parley.request.support;

import java.util.List;
import java.util.UUID;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.TestTokens;

/**
 * Tenants for integration tests, registered in the fake stakeholder-service: each test makes its own,
 * so tests never see each other's requests. Tokens are made when asked for (they expire).
 */
public final class World {

    private World() {}

    public record Authority(UUID id, String country, String tag) {
        /** The first liaison of this authority. */
        public String liaison() {
            return TestTokens.bearer("liaison-1-" + tag, id.toString(), Role.GOV_LIAISON);
        }

        /** A second liaison of the same authority (four-eyes). */
        public String secondLiaison() {
            return TestTokens.bearer("liaison-2-" + tag, id.toString(), Role.GOV_LIAISON);
        }
    }

    public record Company(UUID id, String name, String tag) {
        public String responder() {
            return TestTokens.bearer("responder-1-" + tag, id.toString(), Role.COMPANY_RESPONDER);
        }

        public String secondResponder() {
            return TestTokens.bearer("responder-2-" + tag, id.toString(), Role.COMPANY_RESPONDER);
        }
    }

    public static Authority authority(String country) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID id = FakeStakeholderService.get().registerState("Authority " + country + " " + tag, country);
        return new Authority(id, country, tag);
    }

    public static Company company(String... jurisdictions) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Company " + tag;
        UUID id = FakeStakeholderService.get().registerCompany(name, List.of(jurisdictions));
        return new Company(id, name, tag);
    }

    public static String reviewer() {
        return TestTokens.bearer("reviewer", null, Role.REVIEWER);
    }

    public static String admin() {
        return TestTokens.bearer("admin", null, Role.ADMIN);
    }

    public static String appellant() {
        return TestTokens.bearer("appellant", null, Role.APPELLANT);
    }

    public static String service() {
        return TestTokens.bearer("service-account-parley-service", null, Role.SERVICE);
    }
}
