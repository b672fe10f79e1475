package org.parley.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.TestPostgres;
import org.parley.common.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter on real PostgreSQL, through a pool of one connection: a key is claimed before the handler runs,
 * its answer stored after and replayed exactly, and no connection is held while the handler runs.
 */
class IdempotencyFilterIT {

    private static final Duration IN_PROGRESS_TIMEOUT = Duration.ofSeconds(30);

    private HikariDataSource pool;
    private JdbcClient jdbc;
    private IdempotencyFilter filter;
    private final AtomicInteger handled = new AtomicInteger();

    @BeforeEach
    void freshDatabase() {
        TestPostgres.Database db = TestPostgres.newDatabase("idempotency");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/parley-common").load().migrate();
        pool = new HikariDataSource();
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        // one connection: a request that held it while its handler ran would stall every other request
        pool.setMaximumPoolSize(1);
        pool.setConnectionTimeout(1000);
        jdbc = JdbcClient.create(pool);
        filter = new IdempotencyFilter(jdbc, new Problems(JsonMapper.builder().build()), IN_PROGRESS_TIMEOUT);
    }

    @AfterEach
    void close() {
        pool.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRetryGetsTheFirstAnswerExactlyWithoutRunningTheHandlerAgain() throws Exception {
        MockHttpServletResponse first = post("alice", "k-1", "{\"name\":\"once\"}", created("/things/1", "{\"id\":1}"));
        MockHttpServletResponse replay = post("alice", "k-1", "{\"name\":\"once\"}", created("/things/2", "{\"id\":2}"));

        assertThat(handled).hasValue(1);
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(replay.getStatus()).isEqualTo(201);
        assertThat(replay.getHeader("Location")).isEqualTo("/things/1");
        assertThat(replay.getContentType()).isEqualTo("application/json");
        assertThat(replay.getContentAsString()).isEqualTo("{\"id\":1}").isEqualTo(first.getContentAsString());
        assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aNoStoreAnswerIsReplayedWithoutItsBody() throws Exception {
        FilterChain secret = (request, response) -> {
            handled.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(201);
            http.setHeader("Location", "/things/9");
            http.setHeader("Cache-Control", "no-store");
            http.setContentType("application/json");
            http.getOutputStream().write("{\"password\":\"s3cret\"}".getBytes(StandardCharsets.UTF_8));
        };
        MockHttpServletResponse first = post("alice", "k-2", "{}", secret);
        MockHttpServletResponse replay = post("alice", "k-2", "{}", secret);

        assertThat(first.getContentAsString()).contains("s3cret");
        assertThat(replay.getStatus()).isEqualTo(201);
        assertThat(replay.getHeader("Location")).isEqualTo("/things/9");
        assertThat(replay.getContentAsString()).isEmpty();
        assertThat(handled).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() throws Exception {
        post("alice", "k-3", "{\"name\":\"first\"}", created("/things/1", "{}"));

        MockHttpServletResponse other = post("alice", "k-3", "{\"name\":\"second\"}", created("/things/2", "{}"));

        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentAsString()).contains("IDEMPOTENCY_KEY_REUSED");
        assertThat(handled).hasValue(1);
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        post("alice", "k-4", "{}", created("/things/1", "{}"));
        MockHttpServletResponse bobs = post("bob", "k-4", "{}", created("/things/2", "{}"));

        assertThat(bobs.getHeader("Location")).isEqualTo("/things/2");
        assertThat(handled).hasValue(2);
    }

    @Test
    void aFailedAttemptGivesTheKeyBackAndARetryRunsAfresh() throws Exception {
        MockHttpServletResponse refused = post("alice", "k-5", "{}", (request, response) -> {
            handled.incrementAndGet();
            ((HttpServletResponse) response).setStatus(409);
        });
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(rows("k-5")).isZero();

        assertThatThrownBy(() -> post("alice", "k-5", "{}", (request, response) -> {
            handled.incrementAndGet();
            throw new IllegalStateException("the handler broke");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rows("k-5")).isZero();

        MockHttpServletResponse retried = post("alice", "k-5", "{}", created("/things/5", "{}"));
        assertThat(retried.getStatus()).isEqualTo(201);
        assertThat(retried.getHeader("Idempotent-Replayed")).isNull();
        assertThat(handled).hasValue(3);
    }

    @Test
    void aChangeMadeBeforeTheHandlerFailedKeepsTheKeyAndIsNeverMadeAgain() throws Exception {
        TransactionTemplate transactions = transactionsWithEffects();
        FilterChain writesThenBreaks = (request, response) -> {
            handled.incrementAndGet();
            transactions.executeWithoutResult(tx -> jdbc.sql("insert into thing (name) values ('once')").update());
            throw new IllegalStateException("the read after the write broke");
        };
        jdbc.sql("create table thing (name text)").update();

        assertThatThrownBy(() -> post("alice", "k-11", "{}", writesThenBreaks)).isInstanceOf(IllegalStateException.class);
        assertThat(rows("k-11")).as("the key stays: its change is made").isOne();
        assertThat(post("alice", "k-11", "{}", writesThenBreaks).getStatus()).as("not run again while in progress").isEqualTo(409);

        age("k-11", IN_PROGRESS_TIMEOUT.plusSeconds(5));
        MockHttpServletResponse late = post("alice", "k-11", "{}", writesThenBreaks);
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString()).contains("IDEMPOTENCY_KEY_ANSWER_LOST");
        assertThat(handled).as("the handler ran once").hasValue(1);
        assertThat(jdbc.sql("select count(*) from thing").query(Long.class).single()).isOne();
    }

    @Test
    void aRefusalAfterTheChangeWasMadeIsTheKeysAnswer() throws Exception {
        TransactionTemplate transactions = transactionsWithEffects();
        jdbc.sql("create table thing (name text)").update();
        FilterChain writesThenRefuses = (request, response) -> {
            handled.incrementAndGet();
            transactions.executeWithoutResult(tx -> jdbc.sql("insert into thing (name) values ('once')").update());
            ((HttpServletResponse) response).setStatus(422);
        };

        assertThat(post("alice", "k-12", "{}", writesThenRefuses).getStatus()).isEqualTo(422);
        MockHttpServletResponse replay = post("alice", "k-12", "{}", writesThenRefuses);

        assertThat(replay.getStatus()).isEqualTo(422);
        assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(handled).hasValue(1);
    }

    @Test
    void aChangeRolledBackGivesTheKeyBack() throws Exception {
        TransactionTemplate transactions = transactionsWithEffects();
        jdbc.sql("create table thing (name text)").update();
        FilterChain rollsBack = (request, response) -> {
            handled.incrementAndGet();
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("insert into thing (name) values ('never')").update();
                tx.setRollbackOnly();
            });
            ((HttpServletResponse) response).setStatus(409);
        };

        assertThat(post("alice", "k-13", "{}", rollsBack).getStatus()).isEqualTo(409);
        assertThat(rows("k-13")).isZero();
    }

    /** A transaction manager on the pool with the listener, as Spring Boot configures it in a service. */
    private TransactionTemplate transactionsWithEffects() {
        DataSourceTransactionManager manager = new DataSourceTransactionManager(pool);
        manager.addListener(new IdempotentEffects(jdbc));
        return new TransactionTemplate(manager);
    }

    @Test
    void whileTheDatabaseIsAwayTheAnswerIs503ProblemAndTheHandlerDoesNotRun() throws Exception {
        pool.close();

        MockHttpServletResponse away = post("alice", "k-14", "{}", created("/x", "{}"));

        assertThat(away.getStatus()).isEqualTo(503);
        assertThat(away.getContentType()).startsWith("application/problem+json");
        assertThat(away.getHeader("Retry-After")).isNotBlank();
        assertThat(away.getContentAsString()).contains("DATABASE_UNAVAILABLE");
        assertThat(handled).hasValue(0);
    }

    @Test
    void whileTheHandlerRunsNoConnectionIsHeldAndARetryGets409InProgress() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> slow = CompletableFuture.supplyAsync(() -> post("alice", "k-6", "{}",
                (request, response) -> {
                    inHandler.countDown();
                    await(release);
                    created("/things/6", "{\"id\":6}").doFilter(request, response);
                }));
        assertThat(inHandler.await(5, TimeUnit.SECONDS)).isTrue();

        // the pool has one connection: these get it only because the slow request does not hold it
        MockHttpServletResponse retry = post("alice", "k-6", "{}", created("/things/66", "{}"));
        MockHttpServletResponse other = post("bob", "k-7", "{}", created("/things/7", "{}"));

        assertThat(retry.getStatus()).isEqualTo(409);
        assertThat(retry.getContentType()).startsWith("application/problem+json");
        assertThat(retry.getContentAsString()).contains("IDEMPOTENCY_KEY_IN_PROGRESS");
        assertThat(retry.getHeader("Retry-After")).isEqualTo("1");
        assertThat(other.getStatus()).isEqualTo(201);

        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        MockHttpServletResponse replay = post("alice", "k-6", "{}", created("/things/66", "{}"));
        assertThat(replay.getHeader("Location")).isEqualTo("/things/6");
        assertThat(replay.getContentAsString()).isEqualTo("{\"id\":6}");
        assertThat(handled).hasValue(2);
    }

    @Test
    void aClaimLeftInProgressPastTheTimeoutIsTakenOverAndItsFirstHolderCannotOverwriteTheAnswer() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> stuck = CompletableFuture.supplyAsync(() -> post("alice", "k-8", "{}",
                (request, response) -> {
                    inHandler.countDown();
                    await(release);
                    created("/things/stuck", "{}").doFilter(request, response);
                }));
        assertThat(inHandler.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(post("alice", "k-8", "{\"other\":true}", created("/x", "{}")).getStatus())
                .as("another body is refused even while the key is in progress").isEqualTo(422);
        age("k-8", IN_PROGRESS_TIMEOUT.plusSeconds(1));

        MockHttpServletResponse takeover = post("alice", "k-8", "{}", created("/things/8", "{\"id\":8}"));
        release.countDown();
        stuck.get(5, TimeUnit.SECONDS);

        assertThat(takeover.getStatus()).isEqualTo(201);
        MockHttpServletResponse replay = post("alice", "k-8", "{}", created("/x", "{}"));
        assertThat(replay.getHeader("Location")).isEqualTo("/things/8");
        assertThat(replay.getContentAsString()).isEqualTo("{\"id\":8}");
    }

    @Test
    void aClaimInProgressWithinTheTimeoutIsNotTakenOver() throws Exception {
        // as a first attempt of this very request leaves it while its handler runs
        jdbc.sql("insert into idempotency_key (caller, key, request_hash, status, attempt) values (:caller, 'k-9', :hash, null, gen_random_uuid())")
                .param("caller", subject("alice")).param("hash", hashOf("{}")).update();
        age("k-9", IN_PROGRESS_TIMEOUT.minusSeconds(5));

        assertThat(post("alice", "k-9", "{}", created("/x", "{}")).getStatus()).isEqualTo(409);
        assertThat(handled).hasValue(0);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private MockHttpServletResponse post(String user, String key, String body, FilterChain handler) {
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(Jwt.withTokenValue("token")
                .header("alg", "none").subject(subject(user)).claim("preferred_username", user).build()));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/things");
        request.addHeader(IdempotencyFilter.HEADER, key);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, handler);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return response;
    }

    private FilterChain created(String location, String json) {
        return (request, response) -> {
            handled.incrementAndGet();
            request.getInputStream().readAllBytes();
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(201);
            http.setHeader("Location", location);
            http.setContentType("application/json");
            http.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        };
    }

    private static String subject(String user) {
        return "sub-" + user;
    }

    private static String hashOf(String body) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(("/api/v1/things\n" + body).getBytes(StandardCharsets.UTF_8)));
    }

    private void age(String key, Duration by) {
        jdbc.sql("update idempotency_key set created_at = created_at - make_interval(secs => :secs) where key = :key")
                .param("secs", (double) by.toSeconds()).param("key", key).update();
    }

    private long rows(String key) {
        return jdbc.sql("select count(*) from idempotency_key where key = :key").param("key", key).query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
