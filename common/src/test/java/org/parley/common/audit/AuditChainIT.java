package org.parley.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.TestPostgres;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain on real PostgreSQL: concurrent appends, sealing, the database refusing to change a
 * record, and every kind of tampering found, including a consistent rewrite of records and head
 * by someone who owns the tables, which only the signed checkpoints outside the database reveal.
 */
class AuditChainIT {

    static final Caller ADMIN = new Caller("sub-1", "admin", Set.of(Role.ADMIN), Optional.empty());

    @TempDir
    Path checkpointDir;

    DriverManagerDataSource dataSource;
    JdbcClient jdbc;
    TransactionTemplate transactions;
    AuditLog log;
    AuditChain chain;

    @BeforeEach
    void freshDatabase() {
        TestPostgres.Database db = TestPostgres.newDatabase("audit");
        dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/parley-common").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        log = new AuditLog(jdbc, Clock.systemUTC());
        chain = new AuditChain(jdbc, transactions, checkpoints("instance-a"));
    }

    static final byte[] SEED = new SecureRandom().generateSeed(32);

    AuditCheckpoints checkpoints(String instance) {
        return new AuditCheckpoints("test", checkpointDir, instance, AuditCheckpoints.keyPair(SEED), List.of(),
                Clock.systemUTC());
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
                        if (n % 12 == 0) {
                            chain.anchor();
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
        chain.anchor();

        AuditChain.Verification verdict = chain.verify();

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.records()).isEqualTo(200);
        assertThat(verdict.checkpoints()).isGreaterThan(8);
        assertThat(verdict.checkpointedThrough()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_record where chain_pos is null").query(Long.class).single()).isZero();
    }

    /**
     * Another instance appends and seals a record after a verification has read the chain's head and before it walks
     * the records: the verification judges the chain as of its head, whole, rather than broken at the head.
     */
    @Test
    void aSealCommittedWhileAVerificationWalksDoesNotBreakIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            int n = i;
            transactions.executeWithoutResult(tx -> log.append(AuditEntry.of(ADMIN, "THING_CHANGED", "thing", "t" + n, "A", "B")));
        }
        chain.sealPending();
        AuditChain otherInstance = new AuditChain(jdbc, transactions, checkpoints("instance-b"));
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        AtomicBoolean armed = new AtomicBoolean(true);
        // the walk's first page is where the other instance's seal lands: after the head was read
        DataSource sealedMidWalk = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection real = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") && ((String) args[0]).contains("where chain_pos > ")
                                    && armed.compareAndSet(true, false)) {
                                elsewhere.submit(() -> {
                                    transactions.executeWithoutResult(tx -> log.append(
                                            AuditEntry.of(ADMIN, "THING_CHANGED", "thing", "late", "A", "B")));
                                    otherInstance.sealPending();
                                }).get();
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        AuditChain verifying = new AuditChain(JdbcClient.create(sealedMidWalk),
                new TransactionTemplate(new DataSourceTransactionManager(sealedMidWalk)), checkpoints("instance-a"));

        AuditChain.Verification duringTheSeal = verifying.verify();
        elsewhere.shutdown();

        assertThat(armed).as("the seal landed during the walk").isFalse();
        assertThat(duringTheSeal.valid()).as(duringTheSeal.toString()).isTrue();
        assertThat(duringTheSeal.records()).as("the chain as its head named it").isEqualTo(3);
        AuditChain.Verification after = chain.verify();
        assertThat(after.valid()).isTrue();
        assertThat(after.records()).isEqualTo(4);
    }

    /**
     * A record committed late (its row id taken before the others', its commit after they were sealed, more than
     * two batches of them) still enters the chain: at the next round, last.
     */
    @Test
    void aRecordCommittedLateBelowTheLastOneSealedIsSealedByTheNextRound() throws Exception {
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            try (Statement insert = late.createStatement()) {
                insert.executeUpdate("""
                        insert into audit_record (record_id, occurred_at, actor_subject, actor_name, actor_roles, action,
                            entity_type, entity_id)
                        values (gen_random_uuid(), now(), 'sub-1', 'admin', 'admin', 'THING_CHANGED', 'thing', 'late')""");
            }
            append(1_100);
            chain.sealPending();
            assertThat(chain.verify().records()).as("more than two batches sealed after the record not committed yet")
                    .isEqualTo(1_100);
            late.commit();
        }

        chain.sealPending();

        AuditChain.Verification verdict = chain.verify();
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.records()).isEqualTo(1_101);
        assertThat(jdbc.sql("select chain_pos from audit_record where entity_id = 'late'").query(Long.class).single())
                .as("the late record, sealed last").isEqualTo(1_101L);
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
    void theDatabaseRefusesToChangeOrRemoveARecord() {
        append(3);
        chain.sealPending();
        transactions.executeWithoutResult(tx -> log.append(AuditEntry.of(ADMIN, "THING_CHANGED", "thing", "unsealed", "A", "B")));

        assertRefused("update audit_record set after_state = 'FORGED' where chain_pos = 2");
        assertRefused("update audit_record set after_state = 'FORGED' where chain_pos is null");
        assertRefused("update audit_record set hash = repeat('f', 64) where chain_pos = 2");
        assertRefused("update audit_record set chain_pos = 9, prev_hash = 'x', hash = 'y', details = 'x' where chain_pos is null");
        assertRefused("delete from audit_record where chain_pos = 3");
        assertRefused("delete from audit_record where chain_pos is null");
        assertRefused("truncate audit_record cascade");
        assertRefused("update audit_chain_head set chain_pos = 2, hash = (select hash from audit_record where chain_pos = 2)");
        assertRefused("update audit_chain_head set chain_pos = 4, hash = repeat('f', 64)");
        assertRefused("delete from audit_chain_head");
        assertRefused("truncate audit_chain_head");

        assertThat(chain.verify()).extracting(AuditChain.Verification::valid, AuditChain.Verification::records)
                .containsExactly(true, 4L);
    }

    @Test
    void anAlteredRecordBreaksTheChainWhereItStands() {
        append(5);
        chain.sealPending();
        asTableOwner("update audit_record set after_state = 'FORGED' where chain_pos = 3");

        AuditChain.Verification verdict = chain.verify();

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenAt()).isEqualTo(3);
    }

    @Test
    void theGaugesTellTheLastVerificationsVerdictAndWhenItRan() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new AuditChainMetrics(chain, "test").bindTo(registry);
        assertThat(gauge(registry, "parley.audit.chain.intact")).as("not verified yet").isNaN();
        assertThat(gauge(registry, "parley.audit.chain.verified.timestamp")).as("not verified since it started")
                .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));

        append(3);
        chain.verifyOnSchedule();
        assertThat(gauge(registry, "parley.audit.chain.intact")).isEqualTo(1.0);
        assertThat(gauge(registry, "parley.audit.chain.verified.timestamp"))
                .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));

        asTableOwner("update audit_record set after_state = 'FORGED' where chain_pos = 2");
        chain.verifyOnSchedule();
        assertThat(gauge(registry, "parley.audit.chain.intact")).isZero();
    }

    private static double gauge(SimpleMeterRegistry registry, String name) {
        return registry.get(name).tag("chain", "test").gauge().value();
    }

    @Test
    void aDeletedRecordBreaksTheChain() {
        append(5);
        chain.sealPending();
        asTableOwner("delete from audit_record where chain_pos = 2");

        assertThat(chain.verify().firstBrokenAt()).isEqualTo(2);
    }

    @Test
    void aChainOfSeveralPagesIsWalkedToItsEndAndBreaksFoundFarIntoIt() {
        transactions.executeWithoutResult(tx -> log.appendAll(IntStream.range(0, 4_500)
                .mapToObj(n -> AuditEntry.of(ADMIN, "THING_CHANGED", "thing", "t-" + n, "A", "B")).toList()));
        chain.sealPending();
        assertThat(chain.verify()).extracting(AuditChain.Verification::valid, AuditChain.Verification::records)
                .containsExactly(true, 4_500L);

        asTableOwner("delete from audit_record where chain_pos = 4001");

        AuditChain.Verification verdict = chain.verify();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenAt()).isEqualTo(4001);
    }

    @Test
    void twoRecordsSwappedBreakTheChainAtTheFirst() {
        append(5);
        chain.sealPending();
        asTableOwner("update audit_record set chain_pos = -1 where chain_pos = 2",
                "update audit_record set chain_pos = 2 where chain_pos = 3",
                "update audit_record set chain_pos = 3 where chain_pos = -1");

        AuditChain.Verification verdict = chain.verify();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenAt()).isEqualTo(2);
    }

    @Test
    void aDeletedTailIsNoticedThroughTheHead() {
        append(5);
        chain.sealPending();
        asTableOwner("delete from audit_record where chain_pos = 5");

        AuditChain.Verification verdict = chain.verify();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenAt()).isEqualTo(5);
    }

    @Test
    void aRewriteOfRecordsAndHeadIsCaughtByTheCheckpointsAtThePositionRewritten(@TempDir Path emptyDir) {
        for (int i = 0; i < 5; i++) {
            append(1);
            chain.anchor();
        }
        assertThat(chain.verify().checkpointedThrough()).isEqualTo(5);

        rewriteConsistently(3, "after_state = 'FORGED'");
        assertThat(withoutCheckpoints(emptyDir).valid()).as("the records and head agree with each other").isTrue();

        AuditChain.Verification verdict = chain.verify();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenAt()).isEqualTo(3);
        assertThat(verdict.checkpointedThrough()).isEqualTo(2);
    }

    @Test
    void withCheckpointsFartherApartTheChainIsTrustedUpToTheLastOneThatAgrees() {
        append(2);
        chain.anchor();
        append(3);
        chain.anchor();
        append(2);

        rewriteConsistently(4, "actor_name = 'someone else'");

        AuditChain.Verification verdict = chain.verify();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenAt()).isEqualTo(3);
        assertThat(verdict.records()).isEqualTo(7);
    }

    @Test
    void aRewriteAfterTheLastCheckpointIsNotCaught() {
        append(3);
        chain.anchor();
        append(2);

        rewriteConsistently(4, "after_state = 'FORGED'");

        // what the checkpoints promise stops at the last one: docs/audit-chain.md
        assertThat(chain.verify()).extracting(AuditChain.Verification::valid, AuditChain.Verification::checkpointedThrough)
                .containsExactly(true, 3L);
    }

    @Test
    void aChainCutShortBelowACheckpointIsCaught() {
        append(5);
        chain.anchor();
        asTableOwner("delete from audit_record where chain_pos > 3",
                "update audit_chain_head set chain_pos = 3, hash = (select hash from audit_record where chain_pos = 3)");

        AuditChain.Verification verdict = chain.verify();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenAt()).isEqualTo(1);
    }

    @Test
    void everyInstancesCheckpointsAreChecked() {
        AuditChain other = new AuditChain(jdbc, transactions, checkpoints("instance-b"));
        append(2);
        chain.anchor();
        append(3);
        other.anchor();
        chain.anchor();

        assertThat(checkpointDir.toFile().list()).containsExactlyInAnyOrder("test.instance-a.jsonl", "test.instance-b.jsonl");
        assertThat(other.verify()).extracting(AuditChain.Verification::valid, AuditChain.Verification::checkpoints)
                .containsExactly(true, 3);

        rewriteConsistently(4, "after_state = 'FORGED'");

        assertThat(other.verify().firstBrokenAt()).isEqualTo(3);
    }

    @Test
    void aCheckpointNotSignedWithATrustedKeyMakesTheVerdictInvalid() throws Exception {
        append(2);
        chain.anchor();
        AuditChain forger = new AuditChain(jdbc, transactions, new AuditCheckpoints("test", checkpointDir, "forger",
                AuditCheckpoints.keyPair(new SecureRandom().generateSeed(32)), List.of(), Clock.systemUTC()));
        forger.anchor();
        Files.writeString(checkpointDir.resolve("test.instance-a.jsonl"), "{not json\n", StandardOpenOption.APPEND);

        AuditChain.Verification verdict = chain.verify();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenAt()).isNull();
        assertThat(verdict.checkpoints()).isEqualTo(1);
        assertThat(verdict.unverifiableCheckpoints()).isEqualTo(2);
    }

    @Test
    void anchoringOnScheduleWritesOnlyWhenTheHeadMoved() throws Exception {
        append(2);
        chain.anchorIfAdvanced();
        chain.anchorIfAdvanced();
        append(1);
        chain.anchorIfAdvanced();

        assertThat(Files.readAllLines(checkpointDir.resolve("test.instance-a.jsonl"))).hasSize(2);
        assertThat(chain.verify().checkpointedThrough()).isEqualTo(3);
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

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> jdbc.sql(sql).update()))
                .as(sql).isInstanceOf(DataAccessException.class);
    }

    /** What the tables' owner (or a superuser) can do: switch the guard off, change rows, switch it on again. */
    private void asTableOwner(String... statements) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("alter table audit_record disable trigger user").update();
            jdbc.sql("alter table audit_chain_head disable trigger user").update();
            for (String statement : statements) {
                jdbc.sql(statement).update();
            }
            jdbc.sql("alter table audit_record enable trigger user").update();
            jdbc.sql("alter table audit_chain_head enable trigger user").update();
        });
    }

    /** Changes the record at {@code position} and recomputes every hash from there, and the head: the chain holds together. */
    private void rewriteConsistently(long position, String change) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("alter table audit_record disable trigger user").update();
            jdbc.sql("alter table audit_chain_head disable trigger user").update();
            jdbc.sql("update audit_record set " + change + " where chain_pos = :pos").param("pos", position).update();
            List<AuditRecord> records = jdbc.sql("select * from audit_record where chain_pos >= :pos order by chain_pos")
                    .param("pos", position).query(AuditLog::map).list();
            String previous = jdbc.sql("select coalesce((select hash from audit_record where chain_pos = :pos), repeat('0', 64))")
                    .param("pos", position - 1).query(String.class).single();
            for (AuditRecord record : records) {
                String hash = AuditChain.hash(previous, record);
                jdbc.sql("update audit_record set prev_hash = :prev, hash = :hash where record_id = :id")
                        .param("prev", previous).param("hash", hash).param("id", record.id()).update();
                previous = hash;
            }
            jdbc.sql("update audit_chain_head set hash = :hash").param("hash", previous).update();
            jdbc.sql("alter table audit_record enable trigger user").update();
            jdbc.sql("alter table audit_chain_head enable trigger user").update();
        });
    }

    /** The same chain judged without any checkpoint: what the chain alone can tell. */
    private AuditChain.Verification withoutCheckpoints(Path emptyDir) {
        return new AuditChain(jdbc, transactions, new AuditCheckpoints("test", emptyDir, "none",
                AuditCheckpoints.keyPair(SEED), List.of(), Clock.systemUTC())).verify();
    }
}
