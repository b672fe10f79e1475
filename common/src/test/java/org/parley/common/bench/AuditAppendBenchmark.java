package org.parley.common.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.parley.common.audit.AuditChain;
import org.parley.common.audit.AuditCheckpoints;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audited writes per second with the audit chain as Parley keeps it (append in the transaction,
 * seal afterwards) against the obvious alternative (lock the chain head and hash inside every
 * writer's transaction). Each write is a small business row plus its audit record.
 *
 * <pre>./mvnw -q -pl common test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.parley.common.bench.AuditAppendBenchmark [-Dexec.args="8 400 20000"]</pre>
 *
 * Uses the embedded PostgreSQL (fsync off) unless PARLEY_TEST_DB_URL names a server.
 */
public final class AuditAppendBenchmark {

    static final Caller ACTOR = new Caller("bench", "bench", Set.of(Role.ADMIN), Optional.empty());

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int toSeal = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        System.out.printf("threads=%d writes/thread=%d records sealed=%d%n", threads, perThread, toSeal);
        for (int round = 1; round <= 3; round++) {
            double sealed = run("append-then-seal", threads, perThread, false);
            double locked = run("lock-chain-head", threads, perThread, true);
            System.out.printf("round %d: append-then-seal %.0f/s, lock-chain-head %.0f/s, ratio %.2f%n",
                    round, sealed, locked, locked / sealed);
            double guarded = sealRate(toSeal, true);
            double unguarded = sealRate(toSeal, false);
            System.out.printf("round %d: sealing with the append-only guard %.0f/s, without %.0f/s, ratio %.2f%n",
                    round, guarded, unguarded, guarded / unguarded);
        }
        System.exit(0);
    }

    static double run(String name, int threads, int perThread, boolean lockHead) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("bench");
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
            pool.setMaximumPoolSize(threads);
            Flyway.configure().dataSource(pool).locations("classpath:db/parley-common").load().migrate();
            JdbcClient jdbc = JdbcClient.create(pool);
            jdbc.sql("create table thing (id uuid primary key, state text not null)").update();
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
            AuditLog log = new AuditLog(jdbc, Clock.systemUTC());
            AuditChain chain = chain(jdbc, tx);
            ScheduledExecutorService sealer = Executors.newSingleThreadScheduledExecutor();
            if (!lockHead) {
                sealer.scheduleWithFixedDelay(chain::sealPending, 100, 100, TimeUnit.MILLISECONDS);
            }
            ExecutorService writers = Executors.newFixedThreadPool(threads);
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        tx.executeWithoutResult(status -> {
                            var id = Ids.next();
                            jdbc.sql("insert into thing (id, state) values (:id, 'NEW')").param("id", id).update();
                            if (lockHead) {
                                appendLockingHead(jdbc, id.toString());
                            } else {
                                log.append(AuditEntry.of(ACTOR, "THING_CREATED", "thing", id, null, "NEW"));
                            }
                        });
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (var done : writers.invokeAll(work)) {
                done.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            writers.shutdown();
            sealer.shutdown();
            sealer.awaitTermination(30, TimeUnit.SECONDS);
            if (!lockHead && !chain.verify().valid()) {
                throw new IllegalStateException("chain invalid after " + name);
            }
            return threads * perThread / seconds;
        }
    }

    /**
     * Records sealed per second, with the append-only triggers (V1_0_3) checking every sealing
     * UPDATE, or switched off: what the guard costs the sealer.
     */
    static double sealRate(int records, boolean guarded) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("bench_seal");
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
            Flyway.configure().dataSource(pool).locations("classpath:db/parley-common").load().migrate();
            JdbcClient jdbc = JdbcClient.create(pool);
            if (!guarded) {
                jdbc.sql("alter table audit_record disable trigger user").update();
                jdbc.sql("alter table audit_chain_head disable trigger user").update();
            }
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
            AuditLog log = new AuditLog(jdbc, Clock.systemUTC());
            AuditChain chain = chain(jdbc, tx);
            for (int written = 0; written < records; written += 100) {
                tx.executeWithoutResult(status -> {
                    for (int i = 0; i < 100; i++) {
                        log.append(AuditEntry.of(ACTOR, "THING_CREATED", "thing", Ids.next(), null, "NEW"));
                    }
                });
            }
            long start = System.nanoTime();
            chain.sealPending();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (chain.verify().records() < records) {
                throw new IllegalStateException("not everything was sealed");
            }
            return records / seconds;
        }
    }

    static AuditChain chain(JdbcClient jdbc, TransactionTemplate tx) throws IOException {
        return new AuditChain(jdbc, tx, new AuditCheckpoints("bench", Files.createTempDirectory("bench-audit-checkpoints"),
                "bench", AuditCheckpoints.keyPair(new SecureRandom().generateSeed(32)), List.of(), Clock.systemUTC()));
    }

    /** The alternative: serialise every writer on the chain head until it commits. */
    static void appendLockingHead(JdbcClient jdbc, String entityId) {
        var head = jdbc.sql("select chain_pos, hash from audit_chain_head where id = 1 for update")
                .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long position = (long) head[0] + 1;
        String text = position + "|" + entityId + "|THING_CREATED|NEW";
        String hash = sha256(head[1] + text);
        jdbc.sql("""
                insert into audit_record (record_id, occurred_at, actor_subject, actor_name, actor_roles, action,
                    entity_type, entity_id, after_state, chain_pos, prev_hash, hash)
                values (:id, now(), 'bench', 'bench', 'admin', 'THING_CREATED', 'thing', :entity, 'NEW', :pos, :prev, :hash)
                """)
                .param("id", Ids.next()).param("entity", entityId).param("pos", position)
                .param("prev", head[1]).param("hash", hash).update();
        jdbc.sql("update audit_chain_head set chain_pos = :pos, hash = :hash where id = 1")
                .param("pos", position).param("hash", hash).update();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private AuditAppendBenchmark() {}
}
