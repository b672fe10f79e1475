package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local run imports the base realm with the dev overlay, and has a value for every placeholder; the
 * realm's rules for accounts people make themselves.
 */
class DevRealmTest {

    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void theLocalRunsRealmIsTheBaseWithTheDemoUsersAndThePasswordGrantClient() {
        JsonNode realm = KeycloakProcess.devRealm(KeycloakProcess.realmFile(REPO), KeycloakProcess.devOverlayFile(REPO));

        assertThat(names(realm.path("clients"), "clientId"))
                .containsExactlyInAnyOrder("parley-portal", "parley-stakeholder-admin", "parley-service", "parley-cli");
        assertThat(names(realm.path("users"), "username"))
                .contains("service-account-parley-service", "service-account-parley-stakeholder-admin", "admin@parley.local", "liaison-de-1@parley.local");
        assertThat(realm.path("roles").path("realm").isEmpty()).as("the base's roles are kept").isFalse();
        assertThat(Banner.demoUsers(KeycloakProcess.devOverlayFile(REPO))).extracting(user -> user[0]).contains("admin@parley.local");
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

    @Test
    void everyMailPlaceholderOfTheBaseRealmHasADevValuePointingAtTheLocalMailServer() {
        JsonNode smtp = KeycloakProcess.devRealm(KeycloakProcess.realmFile(REPO), KeycloakProcess.devOverlayFile(REPO))
                .path("smtpServer");
        List<String> placeholders = new ArrayList<>();
        smtp.properties().forEach(field -> {
            String value = field.getValue().asString("");
            if (value.startsWith("${")) {
                placeholders.add(value.substring(2, value.length() - 1));
            }
        });

        assertThat(Topology.devSmtp()).containsOnlyKeys(placeholders);
        assertThat(Topology.devSmtp()).containsEntry("PARLEY_SMTP_HOST", "127.0.0.1")
                .containsEntry("PARLEY_SMTP_PORT", Integer.toString(Topology.MAIL_SMTP_PORT))
                .containsEntry("PARLEY_MAIL_FROM", "no-reply@parley.localhost");
    }

    @Test
    void aNewAccountIsAnAppellantAndNothingElseAndNoExistingAccountIsMadeOne() {
        JsonNode realm = KeycloakProcess.devRealm(KeycloakProcess.realmFile(REPO), KeycloakProcess.devOverlayFile(REPO));

        assertThat(realm.path("registrationAllowed").asBoolean()).isTrue();
        // the address is the user name, of every account Keycloak creates: so every demo user's is too
        assertThat(realm.path("registrationEmailAsUsername").asBoolean()).isTrue();
        for (JsonNode user : realm.path("users")) {
            if (!user.has("serviceAccountClientId")) {
                assertThat(user.path("username").asString()).isEqualTo(user.path("email").asString());
            }
        }
        assertThat(realm.path("loginWithEmailAllowed").asBoolean()).isTrue();
        assertThat(realm.path("verifyEmail").asBoolean()).isTrue();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        String defaultRole = realm.path("defaultRole").path("name").asString();
        JsonNode role = null;
        for (JsonNode candidate : realm.path("roles").path("realm")) {
            if (candidate.path("name").asString().equals(defaultRole)) {
                role = candidate;
            }
        }
        assertThat(role).as("the default role is declared").isNotNull();
        assertThat(role.path("composites").path("realm").toString()).isEqualTo("[\"appellant\"]");
        assertThat(role.path("composites").has("client")).isFalse();
        // listing the default role would make a liaison, a responder or a service an appellant too
        for (JsonNode user : realm.path("users")) {
            assertThat(names(user.path("realmRoles"))).as(user.path("username").asString()).doesNotContain(defaultRole);
        }
    }

    @Test
    void thePasswordPolicyRefusesShortCommonAndPersonalPasswordsFromTheShippedList() throws Exception {
        String policy = KeycloakProcess.devRealm(KeycloakProcess.realmFile(REPO), KeycloakProcess.devOverlayFile(REPO))
                .path("passwordPolicy").asString();

        assertThat(policy).contains("length(12)", "notUsername", "notEmail",
                "passwordBlacklist(" + KeycloakProcess.COMMON_PASSWORDS + ")");
        List<String> common = java.nio.file.Files.readAllLines(KeycloakProcess.commonPasswordsFile(REPO));
        assertThat(common).hasSizeGreaterThanOrEqualTo(5000).contains("password", "123456", "qwerty123456")
                .allSatisfy(line -> assertThat(line).isLowerCase().isNotBlank())
                .doesNotHaveDuplicates();
    }

    @Test
    void theDemoPasswordsAreImportedHashedSoThePolicyForPublicSignUpDoesNotRefuseTheImport() {
        JsonNode realm = DemoPasswords.hashed(
                KeycloakProcess.devRealm(KeycloakProcess.realmFile(REPO), KeycloakProcess.devOverlayFile(REPO)));
        JsonMapper json = JsonMapper.builder().build();

        int demoUsers = 0;
        for (JsonNode user : realm.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                assertThat(credential.has("value")).as(user.path("username").asString()).isFalse();
                JsonNode secret = json.readTree(credential.path("secretData").asString());
                JsonNode data = json.readTree(credential.path("credentialData").asString());
                assertThat(data.path("algorithm").asString()).isEqualTo("pbkdf2-sha512");
                byte[] salt = Base64.getDecoder().decode(secret.path("salt").asString());
                byte[] expected = DemoPasswords.hash("parley-demo", salt, data.path("hashIterations").asInt());
                assertThat(Base64.getDecoder().decode(secret.path("value").asString())).isEqualTo(expected);
                demoUsers++;
            }
        }
        assertThat(demoUsers).isGreaterThanOrEqualTo(10);
        // the banner still reads the password from the overlay as written
        assertThat(Banner.demoUsers(KeycloakProcess.devOverlayFile(REPO))).allSatisfy(user -> assertThat(user[3]).isEqualTo("parley-demo"));
    }

    @Test
    void theLoginThemeSpeaksTheRealmsFourLanguagesWithTheSameMessages() throws Exception {
        JsonNode realm = KeycloakProcess.devRealm(KeycloakProcess.realmFile(REPO), KeycloakProcess.devOverlayFile(REPO));
        Path login = KeycloakProcess.themeDir(REPO).resolve("login");

        assertThat(realm.path("loginTheme").asString()).isEqualTo(KeycloakProcess.THEME);
        assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(realm.path("defaultLocale").asString()).isEqualTo("en");
        assertThat(names(realm.path("supportedLocales"))).containsExactlyInAnyOrder("en", "fr", "de", "ar");
        java.util.Properties theme = properties(login.resolve("theme.properties"));
        assertThat(theme.getProperty("parent")).isEqualTo("keycloak.v2");
        assertThat(List.of(theme.getProperty("locales").split(","))).containsExactlyInAnyOrder("en", "fr", "de", "ar");
        java.util.Set<Object> english = properties(login.resolve("messages/messages_en.properties")).keySet();
        for (String language : List.of("fr", "de", "ar")) {
            java.util.Properties messages = properties(login.resolve("messages/messages_" + language + ".properties"));
            assertThat(messages.keySet()).as(language).isEqualTo(english);
            assertThat(messages.getProperty("loginTitle")).as(language).contains("Parley");
        }
        for (String style : theme.getProperty("styles").split(" ")) {
            if (!style.equals("css/styles.css")) {
                assertThat(login.resolve("resources").resolve(style)).isRegularFile();
            }
        }
    }

    private static java.util.Properties properties(Path file) throws java.io.IOException {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader reader = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.asString()));
        return names;
    }

    private static List<String> names(JsonNode list, String field) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.path(field).asString()));
        return names;
    }
}
