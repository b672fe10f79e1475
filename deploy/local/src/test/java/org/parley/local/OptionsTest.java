package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {

    @TempDir
    Path repo;

    @Test
    void defaultsStartEverythingFreshWithTheEmbeddedDatabase() throws IOException {
        makeRepo();

        Options options = Options.fromEnvironment(Map.of("PARLEY_HOME", repo.toString()));

        assertThat(options.services()).containsExactly("stakeholder-service", "request-service", "appeal-service",
                "portal", "gateway");
        assertThat(options.freshData()).isTrue();
        assertThat(options.externalDbUrl()).isNull();
        assertThat(options.logDir()).isEqualTo(repo.resolve("target/parley-logs"));
    }

    @Test
    void externalDatabaseAndKeptDataComeFromTheEnvironment() throws IOException {
        makeRepo();

        Options options = Options.fromEnvironment(Map.of("PARLEY_HOME", repo.toString(),
                "PARLEY_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres", "PARLEY_DB_USER", "parley",
                "PARLEY_KEEP_DATA", "true", "PARLEY_LOG_DIR", repo.resolve("logs").toString()));

        assertThat(options.externalDbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(options.externalDbUser()).isEqualTo("parley");
        assertThat(options.freshData()).isFalse();
        assertThat(options.logDir()).isEqualTo(repo.resolve("logs"));
    }

    @Test
    void repoRootIsFoundFromASubfolder() throws IOException {
        makeRepo();
        Path sub = Files.createDirectories(repo.resolve("e2e/target"));

        assertThat(Options.findRepoRoot(sub)).isEqualTo(repo.toAbsolutePath().normalize());
    }

    @Test
    void chosenServicesKeepTheStartOrder() throws IOException {
        makeRepo();
        Options options = Options.fromEnvironment(Map.of("PARLEY_HOME", repo.toString()));

        assertThat(options.withServices(List.of("gateway", "stakeholder-service")).services())
                .containsExactly("stakeholder-service", "gateway");
        assertThat(options.withServices(List.of("gateway", "portal", "stakeholder-service")).services())
                .containsExactly("stakeholder-service", "portal", "gateway");
        assertThatThrownBy(() -> options.withServices(List.of("webmail")))
                .hasMessageContaining("unknown service 'webmail'");
    }

    private void makeRepo() throws IOException {
        Files.createDirectories(repo.resolve("deploy/local"));
        Files.writeString(repo.resolve("deploy/local/pom.xml"), "<project/>");
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
    }
}
