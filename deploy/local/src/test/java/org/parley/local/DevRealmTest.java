package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The local run imports the base realm with the dev overlay, and has a secret for every client's placeholder. */
class DevRealmTest {

    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void theLocalRunsRealmIsTheBaseWithTheDemoUsersAndThePasswordGrantClient() {
        JsonNode realm = KeycloakProcess.devRealm(KeycloakProcess.realmFile(REPO), KeycloakProcess.devOverlayFile(REPO));

        assertThat(names(realm.path("clients"), "clientId"))
                .containsExactlyInAnyOrder("parley-portal", "parley-stakeholder-admin", "parley-service", "parley-cli");
        assertThat(names(realm.path("users"), "username"))
                .contains("service-account-parley-service", "service-account-parley-stakeholder-admin", "admin", "liaison-de-1");
        assertThat(realm.path("roles").path("realm").isEmpty()).as("the base's roles are kept").isFalse();
        assertThat(Banner.demoUsers(KeycloakProcess.devOverlayFile(REPO))).extracting(user -> user[0]).contains("admin");
    }

    @Test
    void everySecretPlaceholderOfTheBaseRealmHasADevValue() {
        JsonNode realm = KeycloakProcess.devRealm(KeycloakProcess.realmFile(REPO), KeycloakProcess.devOverlayFile(REPO));
        List<String> placeholders = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            String secret = client.path("secret").asString("");
            if (secret.startsWith("${")) {
                placeholders.add(secret.substring(2, secret.length() - 1));
            }
        }

        assertThat(placeholders).hasSize(3);
        assertThat(Topology.DEV_CLIENT_SECRETS).containsOnlyKeys(placeholders);
    }

    private static List<String> names(JsonNode list, String field) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.path(field).asString()));
        return names;
    }
}
