package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BannerTest {

    @TempDir
    Path dir;

    @Test
    void demoUsersAreReadFromTheRealmSkippingServiceAccounts() throws IOException {
        Path realm = dir.resolve("realm.json");
        Files.writeString(realm, """
                {"realm": "parley", "users": [
                  {"username": "liaison-de-1", "realmRoles": ["default-roles-parley", "gov-liaison"],
                   "attributes": {"stakeholder_id": ["01930000-0000-7000-8000-00000000a001"]},
                   "credentials": [{"type": "password", "value": "parley-demo"}]},
                  {"username": "admin", "realmRoles": ["admin"],
                   "credentials": [{"type": "password", "value": "parley-demo"}]},
                  {"username": "service-account-x", "realmRoles": ["default-roles-parley"]}
                ]}
                """);

        List<String[]> users = Banner.demoUsers(realm);

        assertThat(users).hasSize(2);
        assertThat(users.get(0)).containsExactly("liaison-de-1", "gov-liaison",
                "01930000-0000-7000-8000-00000000a001", "parley-demo");
        assertThat(users.get(1)).containsExactly("admin", "admin", "-", "parley-demo");
    }

    @Test
    void unreadableRealmIsSaidNotThrown() {
        List<String[]> users = Banner.demoUsers(dir.resolve("missing.json"));

        assertThat(users).hasSize(1);
        assertThat(users.get(0)[0]).contains("cannot read missing.json");
    }
}
