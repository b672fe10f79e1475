package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
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
                  {"username": "liaison-de-1@parley.local", "realmRoles": ["default-roles-parley", "gov-liaison"],
                   "attributes": {"stakeholder_id": ["01930000-0000-7000-8000-00000000a001"]},
                   "credentials": [{"type": "password", "value": "parley-demo"}]},
                  {"username": "admin@parley.local", "realmRoles": ["admin"],
                   "credentials": [{"type": "password", "value": "parley-demo"}]},
                  {"username": "service-account-x", "realmRoles": ["default-roles-parley"]}
                ]}
                """);

        List<String[]> users = Banner.demoUsers(realm);

        assertThat(users).hasSize(2);
        assertThat(users.get(0)).containsExactly("liaison-de-1@parley.local", "gov-liaison",
                "01930000-0000-7000-8000-00000000a001", "parley-demo");
        assertThat(users.get(1)).containsExactly("admin@parley.local", "admin", "-", "parley-demo");
    }

    @Test
    void unreadableRealmIsSaidNotThrown() {
        List<String[]> users = Banner.demoUsers(dir.resolve("missing.json"));

        assertThat(users).hasSize(1);
        assertThat(users.get(0)[0]).contains("cannot read missing.json");
    }

    @Test
    void thePortalComesFirstAndEachDeskNamesTheLoginThatOpensIt() throws IOException {
        Path realm = dir.resolve("realm.json");
        Files.writeString(realm, """
                {"realm": "parley", "users": [
                  {"username": "liaison-de-1@parley.local", "realmRoles": ["gov-liaison"],
                   "credentials": [{"type": "password", "value": "parley-demo"}]},
                  {"username": "liaison-fr@parley.local", "realmRoles": ["gov-liaison"],
                   "credentials": [{"type": "password", "value": "parley-demo"}]},
                  {"username": "responder-streamly-1@parley.local", "realmRoles": ["company-responder"],
                   "credentials": [{"type": "password", "value": "parley-demo"}]},
                  {"username": "appellant-1@parley.local", "realmRoles": ["appellant"],
                   "credentials": [{"type": "password", "value": "parley-demo"}]},
                  {"username": "admin@parley.local", "realmRoles": ["admin"],
                   "credentials": [{"type": "password", "value": "parley-demo"}]}
                ]}
                """);

        String text = Banner.text(URI.create("http://localhost:8080/"), URI.create("http://localhost:8080"),
                URI.create("http://localhost:8180"), URI.create("http://localhost:8180/realms/parley/protocol/openid-connect/token"),
                URI.create("http://127.0.0.1:8025"), dir.resolve("logs"), realm);

        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(lines.get(0)).isEqualTo("Parley is running.");
        assertThat(lines.get(1)).startsWith("Parley (the portal)").endsWith("http://localhost:8080/");
        assertThat(text).contains("Sign in at http://localhost:8080/signin");
        // where the mail Keycloak sends (the confirmation of a new account's address) can be read
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Mail (what was sent)")
                .contains("http://127.0.0.1:8025/api/user/<address>/messages/INBOX").contains("SMTP 127.0.0.1:3025"));
        assertThat(text).contains("register a new account");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("liaison desk")
                .contains("http://localhost:8080/liaison").contains("liaison-de-1@parley.local").contains("(or liaison-fr@parley.local)"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("company desk")
                .contains("http://localhost:8080/company").contains("responder-streamly-1@parley.local"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("my notices")
                .contains("http://localhost:8080/my").contains("appellant-1@parley.local"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("admin desk")
                .contains("http://localhost:8080/admin").contains("admin@parley.local"));
        // every role has a desk now: nobody is left to land on the home page
        assertThat(lines).noneSatisfy(line -> assertThat(line).startsWith("home page"));
        // the desks come before the table of every login
        assertThat(text.indexOf("liaison desk")).isLessThan(text.indexOf("Demo logins"));
    }
}
