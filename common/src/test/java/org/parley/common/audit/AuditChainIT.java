package org.parley.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.TestPostgres;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The chain on real PostgreSQL: concurrent appends, sealing, and every kind of tampering found. */
class AuditChainIT {

    static final Caller ADMIN = new Caller("sub-1", "admin", Set.of(Role.ADMIN), Optional.empty());

    JdbcClient jdbc;
    TransactionTemplate transactions;
    AuditLog log;
    AuditChain chain;

    @BeforeEach
    void freshDatabase() {
        TestPostgres.Database db = TestPostgres.newDatabase("audit");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/parley-common").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        log = new AuditLog(jdbc, Clock.systemUTC());
        chain = new AuditChain(jdbc, transactions);
    }

    @Test
    void concurrentWritersAllLandInOneValidChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        int n = i;
                        transactions.executeWithoutResult(tx -> log.append(
                                AuditEntry.of(ADMIN, "THING_CHANGED", "thing", writer + "-" + n, "A", "B")));
                        if (n % 10 == 0) {
                            chain.sealPending();
                        }
                    }
                    return null;
                });
            }
            for (var done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        AuditChain.Verification verdict = chain.verify();

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.records()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_record where chain_pos is null").query(Long.class).single()).isZero();
    }

    @Test
    void aRolledBackChangeLeavesNoRecord() {
        try {
            transactions.executeWithoutResult(tx -> {
                log.append(AuditEntry.of(ADMIN, "THING_CHANGED", "thing", "x", "A", "B"));
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the change and its record go together
        }
        assertThat(chain.verify().records()).isZero();
    }

    @Test
    void anAlteredRecordBreaksTheChainWhereItStands() {
        append(5);
        chain.sealPending();
        jdbc.sql("update audit_record set after_state = 'FORGED' where chain_pos = 3").update();

        AuditChain.Verification verdict = chain.verify();

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenAt()).isEqualTo(3);
    }

    @Test
    void aDeletedRecordBreaksTheChain() {
        append(5);
        chain.sealPending();
        jdbc.sql("delete from audit_record where chain_pos = 2").update();

        assertThat(chain.verify().firstBrokenAt()).isEqualTo(2);
    }

    @Test
    void aDeletedTailIsNoticedThroughTheHead() {
        append(5);
        chain.sealPending();
        jdbc.sql("delete from audit_record where chain_pos = 5").update();

        AuditChain.Verification verdict = chain.verify();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenAt()).isEqualTo(5);
    }

    @Test
    void historyListsAnEntitysRecordsInOrder() {
        transactions.executeWithoutResult(tx -> {
            log.append(AuditEntry.of(ADMIN, "OPENED", "request", "r-1", null, "SUBMITTED"));
            log.append(AuditEntry.of(ADMIN, "ACKNOWLEDGED", "request", "r-1", "SUBMITTED", "ACKNOWLEDGED"));
            log.append(AuditEntry.of(ADMIN, "OPENED", "request", "r-2", null, "SUBMITTED"));
        });

        assertThat(log.history("request", "r-1")).extracting(AuditRecord::action).containsExactly("OPENED", "ACKNOWLEDGED");
        assertThat(log.history("request", "r-1").get(1).actorRoles()).isEqualTo("admin");
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            int n = i;
            transactions.executeWithoutResult(tx -> log.append(AuditEntry.of(ADMIN, "THING_CHANGED", "thing", "t-" + n, "A", "B")));
        }
    }
}
