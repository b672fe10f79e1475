package org.parley.common.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.testkit.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database migrated before a common migration existed, with the service's own migrations on top
 * (version 2 and up), takes the new common migration (1.0.x) at the next start, out of order.
 */
class CommonMigrationsIT {

    @TempDir
    Path before;

    @Test
    void aCommonMigrationAddedLaterReachesADatabaseThatHasTheServicesOwn() throws IOException {
        TestPostgres.Database db = TestPostgres.newDatabase("migrations");
        for (String script : new String[] {"V1_0_1__audit_log.sql", "V1_0_2__idempotency.sql"}) {
            try (InputStream in = getClass().getResourceAsStream("/db/parley-common/" + script)) {
                Files.copy(in, before.resolve(script));
            }
        }
        Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + before, "classpath:db/testapp").load().migrate();

        assertThatThrownBy(() -> Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/testapp", "classpath:db/parley-common").load().migrate())
                .as("Flyway's default").isInstanceOf(FlywayValidateException.class);

        FluentConfiguration service = Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/testapp");
        new ParleyAutoConfiguration().parleyCommonMigrations().customize(service);

        // 1.0.3 (the audit trail's guard) and 1.0.4 (idempotency keys in progress), both after V2 of the service
        assertThat(service.load().migrate().migrationsExecuted).isEqualTo(2);
        assertThat(JdbcClient.create(new DriverManagerDataSource(db.url(), db.user(), db.password()))
                .sql("select count(*) from pg_trigger where tgname = 'audit_record_append_only'").query(Long.class).single())
                .isEqualTo(1);
    }
}
