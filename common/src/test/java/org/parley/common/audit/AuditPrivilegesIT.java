package org.parley.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.TestPostgres;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deployment as docs/audit-chain.md describes it: migrations run as an owner role, the service
 * connects as another, which the database's default privileges would give every right on every
 * table. After migrating, the service's role can append, seal and verify, and nothing else: it
 * cannot change, delete or truncate a record, nor switch the guard off.
 */
class AuditPrivilegesIT {

    static final Caller ADMIN = new Caller("sub-1", "admin", Set.of(Role.ADMIN), Optional.empty());

    @TempDir
    Path checkpointDir;

    TestPostgres.Database db;
    String owner;
    String service;

    @BeforeEach
    void ownerAndServiceRoles() throws SQLException {
        db = TestPostgres.newDatabase("audit_roles");
        String suffix = db.url().substring(db.url().lastIndexOf('_') + 1) + "_" + ProcessHandle.current().pid();
        owner = "audit_owner_" + suffix;
        service = "audit_service_" + suffix;
        asSuperuser("create role " + owner + " login password 'owner'",
                "create role " + service + " login password 'service'",
                "grant create on schema public to " + owner,
                "alter default privileges for role " + owner + " grant all on tables to " + service,
                "alter default privileges for role " + owner + " grant all on sequences to " + service);
    }

    @AfterEach
    void dropRoles() throws SQLException {
        asSuperuser("drop owned by " + owner + " cascade", "drop owned by " + service + " cascade", "drop role " + owner,
                "drop role " + service);
    }

    @Test
    void theServicesRoleAppendsSealsAndVerifiesButCannotRewriteOrSwitchTheGuardOff() {
        migrateAsOwner(new AuditPrivileges(service));
        DriverManagerDataSource asService = new DriverManagerDataSource(db.url(), service, "service");
        JdbcClient jdbc = JdbcClient.create(asService);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(asService));
        AuditLog log = new AuditLog(jdbc, Clock.systemUTC());
        AuditChain chain = new AuditChain(jdbc, transactions, new AuditCheckpoints("test", checkpointDir, "a",
                AuditCheckpoints.keyPair(new SecureRandom().generateSeed(32)), List.of(), Clock.systemUTC()));
        for (int i = 0; i < 3; i++) {
            transactions.executeWithoutResult(tx -> log.append(AuditEntry.of(ADMIN, "THING_CHANGED", "thing", "t", "A", "B")));
        }
        chain.anchor();
        transactions.executeWithoutResult(tx -> log.append(AuditEntry.of(ADMIN, "THING_CHANGED", "thing", "unsealed", "A", "B")));

        for (String refused : List.of(
                "update audit_record set after_state = 'FORGED' where chain_pos = 2",
                "update audit_record set after_state = 'FORGED' where chain_pos is null",
                "update audit_record set hash = repeat('f', 64) where chain_pos = 2",
                "delete from audit_record where chain_pos = 3",
                "truncate audit_record",
                "alter table audit_record disable trigger audit_record_append_only",
                "alter table audit_record disable trigger all",
                "drop trigger audit_record_append_only on audit_record",
                "drop function audit_record_append_only() cascade",
                "set session_replication_role = replica",
                "update audit_chain_head set chain_pos = 1, hash = (select hash from audit_record where chain_pos = 1)",
                "delete from audit_chain_head")) {
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> jdbc.sql(refused).update()))
                    .as(refused).isInstanceOf(DataAccessException.class);
        }

        AuditChain.Verification verdict = chain.verify();
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.records()).isEqualTo(4);
        assertThat(verdict.checkpointedThrough()).isEqualTo(3);
    }

    @Test
    void privilegesWidenedSinceAreNarrowedAgainAtTheNextMigrate() throws SQLException {
        migrateAsOwner(new AuditPrivileges(service));
        asSuperuser("grant all on audit_record to " + service);

        migrateAsOwner(new AuditPrivileges(service));

        assertThat(privileges()).containsExactlyInAnyOrder("INSERT", "SELECT");
    }

    @Test
    void withoutARoleNamedNothingIsGrantedOrRevoked() throws SQLException {
        migrateAsOwner(new AuditPrivileges(" "));

        assertThat(privileges()).contains("UPDATE", "DELETE", "TRUNCATE");
    }

    @Test
    void aServiceRoleThatOwnsTheTablesIsRefused() {
        assertThatThrownBy(() -> migrateAsOwner(new AuditPrivileges(owner)))
                .hasStackTraceContaining("owns audit_record");
    }

    private void migrateAsOwner(AuditPrivileges privileges) {
        Flyway.configure().dataSource(db.url(), owner, "owner").locations("classpath:db/parley-common")
                .callbacks(privileges).load().migrate();
    }

    private List<String> privileges() {
        return JdbcClient.create(new DriverManagerDataSource(db.url(), db.user(), db.password()))
                .sql("select privilege_type from information_schema.table_privileges where table_name = 'audit_record' and grantee = :role")
                .param("role", service).query(String.class).list();
    }

    private void asSuperuser(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
