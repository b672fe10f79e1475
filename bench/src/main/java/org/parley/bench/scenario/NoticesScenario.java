package org.parley.bench.scenario;

import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.parley.bench.BenchRun;
import org.parley.bench.Liaisons;
import org.parley.bench.Scenario;
import org.parley.bench.anchor.Statements;
import org.parley.bench.load.Call;
import org.parley.bench.load.ClosedLoop;
import org.parley.bench.load.LoadResult;
import org.parley.local.ParleyPlatform.DatabaseLogin;
import org.parley.local.Topology;
import org.postgresql.PGConnection;

/**
 * Statements of reasons at DSA scale: batches of 1,000 notices posted straight to appeal-service (no gateway:
 * its body limit and rate limits are the gateway's business, measured elsewhere) by a company's responder at
 * capacity, in notices per second, against a raw {@code COPY} of as many rows of the same shape into the same
 * table in the same run; and the public search's p99 at a steady rate. Both at two sizes of the store, filled
 * through the same batch API, a million at a time, each million's rate reported: ingestion sustained as the store
 * grows. {@code PARLEY_BENCH_NOTICES_FILL=sql} generates the fill in SQL instead (minutes fewer), over the last 60
 * days (so over several monthly partitions), their counters recomputed, so every figure stays exact.
 *
 * <p>Sizes: the smoke mode 2,000 and 60,000 (more than its loads record, so that it fills through the API too);
 * a full run {@code PARLEY_BENCH_NOTICES_SMALL} and {@code PARLEY_BENCH_NOTICES_LARGE} (1,000,000 and 10,000,000
 * unless set).
 */
public final class NoticesScenario implements Scenario {

    private static final String RESPONDER = "responder-streamly-1@parley.local";
    private static final int BATCH = 1_000;
    /** The JIT warm-up's batches: small, so that the mode's warm-up stays short of the smaller store. */
    private static final int WARM_UP_BATCH = 100;
    /** Batches in flight: two cores, so a few keep both the service and PostgreSQL busy. */
    private static final int CONNECTIONS = 4;
    /** The public searches at a steady rate, far below capacity: what one person waits for. */
    private static final double SEARCH_RATE = 20;
    private static final double GOAL = 10_000;
    /** How long the search waits for the audit chain to catch up with a load. */
    private static final Duration SEALING_LIMIT = Duration.ofMinutes(10);
    /** The fill through the API is reported a step of this many notices at a time. */
    private static final long FILL_STEP = 1_000_000;
    /** Bounds one step of the fill: a million at a tenth of the goal. */
    private static final Duration FILL_STEP_LIMIT = Duration.ofMinutes(15);

    @Override
    public String name() {
        return "notices";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        DatabaseLogin database = run.platform().database(Topology.APPEAL_SERVICE);
        long small = size(run, "PARLEY_BENCH_NOTICES_SMALL", 2_000, 1_000_000);
        long large = size(run, "PARLEY_BENCH_NOTICES_LARGE", 60_000, 10_000_000);

        boolean generated = "sql".equalsIgnoreCase(System.getenv().getOrDefault("PARLEY_BENCH_NOTICES_FILL", "").strip());
        warmUp(run);
        fill(run, database, small, generated);
        long atSmall = count(database);
        Measured first = measure(run, database, atSmall);
        Filled filled = fill(run, database, large, generated);
        long atLarge = count(database);
        Measured second = measure(run, database, atLarge);

        if (filled.notices() > 0) {
            run.report().judged(String.format(Locale.ROOT, "notices ingested through the batch API from %,d to %,d stored",
                    atSmall, atLarge), "≥ 10,000/s sustained", filled.toString(), filled.rate() >= GOAL && filled.errors() == 0);
        }

        run.report().judged(String.format(Locale.ROOT, "notices ingested in batches of 1,000, direct, at %,d stored", atLarge),
                "≥ 10,000/s", String.format(Locale.ROOT, "%,.0f/s (at %,d stored: %,.0f/s)%s", second.ingested(), atSmall,
                        first.ingested(), Loads.errors(first.load(), second.load())), second.ingested() >= GOAL);
        run.report().atLeast("notice batch ingestion ÷ raw COPY of the same rows", "≥ 0.5",
                second.ingested() / second.copied(), 0.5, String.format(Locale.ROOT, " (%,.0f/s ÷ %,.0f rows/s)",
                        second.ingested(), second.copied()));
        run.report().atLeast(String.format(Locale.ROOT, "notice ingestion at %,d stored ÷ at %,d", atLarge, atSmall),
                "≥ 0.83 (within ×1.2)", second.ingested() / first.ingested(), 1 / 1.2, "");
        double ratio = second.search().latencies().p99() / first.search().latencies().p99();
        run.report().judged(String.format(Locale.ROOT, "public notice search p99 at %,d stored ÷ at %,d", atLarge, atSmall),
                "≤ 1.2, and p99 ≤ 50 ms", String.format(Locale.ROOT, "%.2f (%.1f ms ÷ %.1f ms)%s", ratio,
                        second.search().latencies().p99(), first.search().latencies().p99(),
                        Loads.errors(first.search(), second.search())),
                ratio <= 1.2 && second.search().latencies().p99() <= 50 && second.search().latencies().errors() == 0);
    }

    /**
     * The JIT's warm-up of the whole path, before the first store is filled (so that it counts towards it): the
     * first measurement ran half-compiled (appeal-service at 0.88 cores for 9,979/s, then 0.63 for 17,210/s at ten
     * times the store).
     */
    private static void warmUp(BenchRun run) throws Exception {
        LoadResult warm = ClosedLoop.run("notice batches of " + WARM_UP_BATCH + " (JIT warm-up)", CONNECTIONS,
                run.mode().jitWarmUp(), Long.MAX_VALUE, poster(run, WARM_UP_BATCH));
        run.report().measured(warm.toString());
        run.http().takeRefusals();
        run.http().takeRetries();
    }

    /**
     * Waits for the audit chain to seal what a load recorded (one record per notice, sealed after commit by one
     * instance at a time), and reports how fast it caught up, before the anchor and the search: measured while the
     * sealer and autovacuum digest a burst of 200,000, either measures the burst, not the size of the store (the
     * search's p99 was 3.2 s at 1,000,000, 13.5 ms at 10,000,000 with nothing left to seal).
     */
    private static void awaitSealed(BenchRun run, DatabaseLogin database) throws Exception {
        String pending = "select count(*) from audit_record where chain_pos is null";
        long first = Statements.number(database, pending);
        long t0 = System.nanoTime();
        long left = first;
        while (left > 0 && System.nanoTime() - t0 < SEALING_LIMIT.toNanos()) {
            Thread.sleep(500);
            left = Statements.number(database, pending);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        run.report().measured(String.format(Locale.ROOT, "  audit records unsealed after the load: %,d; sealed %,d in %.1f s "
                + "(%,.0f/s)%s", first, first - left, seconds, (first - left) / Math.max(seconds, 0.001),
                left > 0 ? String.format(Locale.ROOT, "; %,d still unsealed after %d s", left, SEALING_LIMIT.toSeconds()) : ""));
    }

    /**
     * Posts the {@code n}th batch of {@code size} notices, their puids unique to this call, with a token valid when
     * sent (a fill outlasts the access token's lifetime).
     */
    private static Call poster(BenchRun run, int size) throws Exception {
        URI batch = run.direct(Topology.APPEAL_SERVICE, "/api/v1/notices/batch");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return n -> run.http().post(batch, run.tokens().of(RESPONDER), run.http().json(Map.of("notices", batch(tag, n, size))));
    }

    private record Measured(LoadResult load, double ingested, double copied, LoadResult search) {}

    private static long size(BenchRun run, String variable, long smoke, long full) {
        if (run.mode().smoke()) {
            return smoke;
        }
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? full : Long.parseLong(value.strip().replace("_", ""));
    }

    private static Measured measure(BenchRun run, DatabaseLogin database, long stored) throws Exception {
        Call post = poster(run, BATCH);
        ClosedLoop.run("notice batches (warm-up)", CONNECTIONS, run.mode().warmUp(), Long.MAX_VALUE, post);
        run.http().takeRefusals();
        run.http().takeRetries();
        CpuUse cpu = CpuUse.start(run);
        LoadResult load = ClosedLoop.run(String.format(Locale.ROOT, "notice batches of %,d at %,d stored", BATCH, stored),
                CONNECTIONS, run.mode().capacityRun(), Long.MAX_VALUE, n -> post.send(n + 1_000_000));
        Loads.measured(run, load);
        run.report().measured("  CPU in cores: " + cpu.stop());
        double ingested = load.goodput() * BATCH;

        awaitSealed(run, database);
        long rows = Math.max(BATCH, Math.min(50_000, (long) (ingested * run.mode().capacityRun().toSeconds())));
        double copied = copy(database, rows);
        run.report().measured(String.format(Locale.ROOT, "  %,.0f notices/s through the API; raw COPY of %,d such rows: "
                + "%,.0f rows/s", ingested, rows, copied));

        List<URI> searches = searches(run);
        Call search = n -> run.http().get(searches.get((int) (n % searches.size())), null);
        Loads.latencyAt(run, "public notice search (warm-up)", SEARCH_RATE, search);
        LoadResult searched = Loads.latencyAt(run, String.format(Locale.ROOT, "public notice search at %,d stored", stored),
                SEARCH_RATE, search);
        return new Measured(load, ingested, copied, searched);
    }

    /** The first page, by company, by category, by ground and automation, the second page, a month. */
    private static List<URI> searches(BenchRun run) throws Exception {
        String base = "/api/v1/notices/public";
        String next = run.http().getJson(run.direct(Topology.APPEAL_SERVICE, base + "?pageSize=50"), null)
                .path("nextPageToken").asString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> queries = new ArrayList<>(List.of(
                "?pageSize=50",
                "?company=" + Liaisons.STREAMLY,
                "?category=INCITEMENT_TO_VIOLENCE&pageSize=20",
                "?ground=INCOMPATIBLE_WITH_TERMS&automatedDecision=false",
                "?restriction=REMOVED&from=" + now.minus(30, ChronoUnit.DAYS) + "&to=" + now));
        if (next != null && !next.isBlank()) {
            queries.add("?pageSize=50&pageToken=" + next);
        }
        return queries.stream().map(q -> run.direct(Topology.APPEAL_SERVICE, base + q)).toList();
    }

    private static List<Map<String, Object>> batch(String tag, long n, int size) {
        List<Map<String, Object>> notices = new ArrayList<>(size);
        String decidedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 0; i < size; i++) {
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("puid", "bench-" + tag + "-" + n + "-" + i);
            notice.put("contentRef", "https://video.example.com/v/bench-" + n + "-" + i);
            notice.put("accountRef", "user-bench-" + i);
            notice.put("restriction", i % 4 == 0 ? "GEO_BLOCKED" : "REMOVED");
            notice.put("territorialScope", List.of("DE", "FR"));
            notice.put("ground", "INCOMPATIBLE_WITH_TERMS");
            notice.put("termsReference", "Community guidelines §4 (violent extremism)");
            notice.put("category", "INCITEMENT_TO_VIOLENCE");
            notice.put("facts", "The video calls on viewers to attack a named group.");
            notice.put("automatedDetection", true);
            notice.put("automatedDecision", i % 3 == 0);
            notice.put("decidedAt", decidedAt);
            notice.put("language", "en");
            notices.add(notice);
        }
        return notices;
    }

    /**
     * The anchor: {@code rows} rows of the shape the batches store (a sealed account, a SHA-256 code hash,
     * a puid) copied into the notice table with {@code COPY}, in one transaction; answers rows per second. They
     * are rolled back, so the anchor saves the commit's flush the batches pay: the stores the loads compare must not
     * grow by the anchor.
     */
    private static double copy(DatabaseLogin database, long rows) throws Exception {
        StringBuilder data = new StringBuilder();
        String company = Liaisons.STREAMLY;
        String now = Instant.now().toString();
        for (long i = 0; i < rows; i++) {
            UUID id = uuid7(Instant.now());
            data.append(id).append('\t').append("C-").append(id.toString(), 24, 36).append('\t').append(company)
                    .append("\thttps://video.example.com/v/copy-").append(i)
                    .append("\tk1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                    .append("\tREMOVED\t{DE,FR}\tINCOMPATIBLE_WITH_TERMS\t\\N\tCommunity guidelines §4 (violent extremism)")
                    .append("\tINCITEMENT_TO_VIOLENCE\tIncitement to violence\ttrue\t1")
                    .append("\tThe video calls on viewers to attack a named group.\ttrue\tfalse\t").append(now)
                    .append("\t\\N\ten\tsubject\tresponder-streamly-1@parley.local")
                    .append("\tsha256$47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU\t").append(now)
                    .append("\tcopy-").append(id).append('\n');
        }
        try (Connection c = Statements.connect(database)) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy notice (id, reference, company_id, content_ref, account_ref_sealed, restriction, territorial_scope,
                        ground, legal_reference, terms_reference, category, category_name, category_incitement,
                        standards_version, facts, automated_detection, automated_decision, decided_at, request_id, language,
                        decider_subject, decider_username, access_code_hash, recorded_at, puid) from stdin
                    """, new StringReader(data.toString()));
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.rollback();
            return rows / seconds;
        }
    }

    /**
     * What a fill through the API sustained: notices stored in all, at what rate, the slowest and fastest step, and
     * the batches that failed. Nothing when the fill was generated.
     */
    private record Filled(long notices, double rate, double slowest, double fastest, long errors) {

        static final Filled NONE = new Filled(0, 0, 0, 0, 0);

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.0f/s over %,d notices (steps of up to %,d: %,.0f–%,.0f/s)%s", rate, notices,
                    FILL_STEP, slowest, fastest, errors == 0 ? "" : String.format(Locale.ROOT, ", %,d batches failed", errors));
        }
    }

    private static Filled fill(BenchRun run, DatabaseLogin database, long target, boolean generated) throws Exception {
        if (generated) {
            generate(run, database, target);
            return Filled.NONE;
        }
        return post(run, database, target);
    }

    /**
     * Posts batches of 1,000 at capacity until the store holds {@code target} notices, a step of {@link #FILL_STEP}
     * at a time, and reports each step's rate with the store's size it began at.
     */
    private static Filled post(BenchRun run, DatabaseLogin database, long target) throws Exception {
        Call post = poster(run, BATCH);
        long stored = count(database);
        long begun = stored;
        long sent = 0;
        long errors = 0;
        double seconds = 0;
        double slowest = Double.MAX_VALUE;
        double fastest = 0;
        while (stored < target) {
            long batches = (Math.min(FILL_STEP, target - stored) + BATCH - 1) / BATCH;
            long offset = sent;
            CpuUse cpu = CpuUse.start(run);
            LoadResult step = ClosedLoop.run(String.format(Locale.ROOT, "fill: %,d batches of %,d from %,d stored",
                    batches, BATCH, stored), CONNECTIONS, FILL_STEP_LIMIT, batches, n -> post.send(offset + n));
            sent += batches;
            double rate = step.goodput() * BATCH;
            run.report().measured(String.format(Locale.ROOT, "%s%n  %,.0f notices/s; CPU in cores: %s", step, rate, cpu.stop()));
            errors += step.latencies().errors();
            seconds += step.elapsed().toNanos() / 1e9;
            slowest = Math.min(slowest, rate);
            fastest = Math.max(fastest, rate);
            // every 200 stored a whole batch of puids not seen before; run() counts the store itself afterwards
            long answered = step.latencies().count() - step.latencies().errors();
            if (answered == 0) {
                throw new IllegalStateException("The fill stored nothing in a step: " + step);
            }
            stored += answered * BATCH;
        }
        long notices = stored - begun;
        return notices == 0 ? Filled.NONE : new Filled(notices, notices / seconds, slowest, fastest, errors);
    }

    /** Generates notices of the demo company up to {@code target}, over the last 60 days, counted exactly. */
    private static void generate(BenchRun run, DatabaseLogin database, long target) throws SQLException {
        long missing = target - count(database);
        if (missing <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        try (Connection c = Statements.connect(database);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select notice_partition_for((current_date - m * interval '1 month')::date) from generate_series(0, 2) m");
            s.execute("insert into company (id, name, updated_at) values ('" + Liaisons.STREAMLY
                    + "', 'Streamly', now()) on conflict (id) do nothing");
            s.execute("""
                    create temporary table generated on commit drop as
                    select (lpad(to_hex((extract(epoch from t) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3) || '8'
                               || substr(h, 4, 15))::uuid as id, t, i
                    from (select i, now() - random() * interval '60 days' as t, md5(random()::text || i) as h
                          from generate_series(1, %d) i) g
                    """.formatted(missing));
            s.execute("""
                    insert into notice (id, reference, company_id, content_ref, account_ref_sealed, restriction,
                        territorial_scope, ground, legal_reference, terms_reference, category, category_name,
                        category_incitement, standards_version, facts, automated_detection, automated_decision, decided_at,
                        language, decider_subject, decider_username, access_code_hash, recorded_at)
                    select id, 'G-' || upper(substr(replace(id::text, '-', ''), 13, 20)), '%s', 'video-generated-' || i, null,
                        (array['REMOVED', 'DISABLED', 'DEMOTED', 'AGE_RESTRICTED'])[1 + i %% 4], '{DE}', 'INCOMPATIBLE_WITH_TERMS',
                        null, 'Community guidelines §4', (array['INCITEMENT_TO_VIOLENCE', 'TERRORIST_CONTENT'])[1 + i %% 2],
                        'generated', i %% 2 = 0, 1, 'Generated for the bench: a statement of reasons of typical length.',
                        i %% 3 = 0, i %% 5 = 0, t - interval '1 hour', 'en', 'generated', 'generated',
                        'sha256$47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU', t
                    from generated
                    """.formatted(Liaisons.STREAMLY));
            s.execute("""
                    insert into notice_key (reference, notice_id, company_id)
                    select 'G-' || upper(substr(replace(id::text, '-', ''), 13, 20)), id, '%s' from generated
                    """.formatted(Liaisons.STREAMLY));
            s.execute("""
                    insert into notice_rollup (day, company_id, ground, category, automated_detection, automated_decision, notices)
                    select (n.decided_at at time zone 'UTC')::date, n.company_id, n.ground, n.category, n.automated_detection,
                        n.automated_decision, count(*)
                    from generated g join notice n on n.id = g.id
                    group by 1, 2, 3, 4, 5, 6
                    on conflict (day, company_id, ground, category, automated_detection, automated_decision)
                    do update set notices = notice_rollup.notices + excluded.notices
                    """);
            c.commit();
            // as autovacuum does in a store that has lived: hint bits set (else the first searches write what they
            // read) and statistics committed (an analyze in this connection's open transaction was rolled back)
            c.setAutoCommit(true);
            s.execute("vacuum (analyze) notice, notice_key");
        }
        run.report().measured(String.format(Locale.ROOT,
                "%,d notices generated (with their keys and counters, vacuumed and analysed) in %.0f s", missing,
                (System.nanoTime() - t0) / 1e9));
    }

    private static long count(DatabaseLogin database) throws SQLException {
        return Statements.number(database, "select count(*) from notice");
    }

    /** A UUIDv7 of {@code at}, as the service makes its ids. */
    private static UUID uuid7(Instant at) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
