package org.parley.common.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.security.CurrentCaller;
import org.parley.common.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for creating POSTs, without holding a database connection while the request is
 * handled (a handler may wait seconds on downstream calls; a pool of a few connections must not wait with
 * it). Three short steps, each one statement in a transaction of its own:
 * <ol>
 * <li>the key is claimed: a row in progress (no status yet) that names this attempt;
 * <li>the request is handled outside any transaction of this filter (the services' own transactions keep a
 * change and its audit record together);
 * <li>a 2xx answer is stored in the claimed row; any other answer deletes the claim, so a retry runs afresh.
 * </ol>
 * A retry while the key is in progress gets 409 {@code IDEMPOTENCY_KEY_IN_PROGRESS} with Retry-After rather
 * than waiting on a lock; a claim left in progress longer than {@code inProgressTimeout} (its instance died
 * between the steps) may be taken over by a retry with the same body — unless its change was made:
 * {@link IdempotentEffects} marks the claim in the handler's own transaction, and a claim so marked is never
 * given back nor taken over. Its answer is kept whatever it was; if none was kept (the instance died), a
 * retry learns that the change was made and its answer lost (409 {@code IDEMPOTENCY_KEY_ANSWER_LOST}). The
 * same key with another body is refused with 422.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;
    private static final String RETRY_IN_PROGRESS_AFTER_SECONDS = "1";
    /** Claiming again when the row that stood in the way was deleted (its attempt failed) meanwhile. */
    private static final int CLAIM_TRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    /**
     * Makes the one-statement transaction it is joined into commit without waiting for the WAL flush
     * ({@code synchronous_commit} off for that transaction only), for the claim and the release: the
     * change commits synchronously on its own, and a claim is flushed at the latest with the change that
     * depends on it (the log is written in order); a lost claim or release only lets a retry run afresh
     * or wait for the takeover. The kept answer is not among them: it is the client's receipt, and one
     * lost when PostgreSQL went down left a retry with "answer lost" instead of its answer (the system
     * test of a restarted PostgreSQL found it). One of the three flushes a creating POST waited for is saved.
     */
    private static final String ASYNC_COMMIT = "select set_config('synchronous_commit', 'off', true)";
    /** The claim of the request this thread is handling, for {@link IdempotentEffects}. */
    private static final ThreadLocal<Claim> CURRENT = new ThreadLocal<>();

    private final JdbcClient jdbc;
    private final Problems problems;
    private final Duration inProgressTimeout;

    public IdempotencyFilter(JdbcClient jdbc, Problems problems, Duration inProgressTimeout) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.inProgressTimeout = inProgressTimeout;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters");
            problems.write(response, problem);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Claim claim = new Claim(CurrentCaller.get().subject(), key, UUID.randomUUID());
        String requestHash = sha256(request.getRequestURI() + "\n" + new String(body, StandardCharsets.UTF_8));
        Optional<Stored> earlier;
        try {
            earlier = claim(claim, requestHash);
        } catch (DataAccessException e) {
            log.warn("cannot claim an Idempotency-Key: {}", e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, Problems.DATABASE_RETRY_AFTER_SECONDS);
            problems.write(response, Problems.databaseUnavailable());
            return;
        }
        if (earlier.isPresent()) {
            answer(response, earlier.get(), requestHash);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        CURRENT.set(claim);
        try {
            chain.doFilter(new ReplayableRequest(request, body), captured);
        } catch (IOException | ServletException | RuntimeException e) {
            release(claim);
            captured.copyBodyToResponse();
            throw e;
        } finally {
            CURRENT.remove();
        }
        int status = captured.getStatus();
        if (status >= 200 && status < 300 || !release(claim)) {
            store(claim, captured);
        }
        captured.copyBodyToResponse();
    }

    /** The claim of the request the current thread is handling, if it came with a key. */
    static Claim currentClaim() {
        return CURRENT.get();
    }

    /** Claims the key for this attempt; else answers what stands in its way (an answer, or a claim in progress). */
    private Optional<Stored> claim(Claim claim, String requestHash) {
        for (int i = 0; i < CLAIM_TRIES; i++) {
            int claimed = jdbc.sql("""
                    insert into idempotency_key (caller, key, request_hash, attempt)
                    select :caller, :key, :hash, :attempt from (%s) as async_commit
                    on conflict (caller, key) do update
                        set request_hash = excluded.request_hash, status = null, location = null,
                            content_type = null, body = null, attempt = excluded.attempt, created_at = now()
                        where idempotency_key.created_at < now() - interval '24 hours'
                           or (idempotency_key.status is null and not idempotency_key.effect_committed
                               and idempotency_key.request_hash = excluded.request_hash
                               and idempotency_key.created_at < now() - make_interval(secs => :stale))
                    """.formatted(ASYNC_COMMIT))
                    .param("caller", claim.caller()).param("key", claim.key()).param("hash", requestHash)
                    .param("attempt", claim.attempt()).param("stale", inProgressTimeout.toMillis() / 1000.0)
                    .update();
            if (claimed == 1) {
                return Optional.empty();
            }
            Optional<Stored> existing = stored(claim);
            if (existing.isPresent()) {
                return existing;
            }
        }
        return Optional.of(new Stored(requestHash, null, null, null, null, false, false));
    }

    private void answer(HttpServletResponse response, Stored stored, String requestHash) throws IOException {
        if (!stored.requestHash().equals(requestHash)) {
            problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used with a different request"));
            return;
        }
        if (stored.inProgress() && stored.effectCommitted() && stored.old()) {
            problems.write(response, Problems.of(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_ANSWER_LOST",
                    "The first request with this Idempotency-Key took effect, but its answer was lost; "
                            + "look the result up instead of sending it again (it will not be made twice)"));
            return;
        }
        if (stored.inProgress()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_IN_PROGRESS_AFTER_SECONDS);
            problems.write(response, Problems.of(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_PROGRESS",
                    "A request with this Idempotency-Key is still being handled; try again in a moment"));
            return;
        }
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.contentType() != null && stored.body() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    /**
     * Keeps a 2xx answer for replays. Should that fail, the answer still goes out (its change is made); the
     * claim stays in progress until it may be taken over.
     */
    private void store(Claim claim, ContentCachingResponseWrapper captured) {
        try {
            int stored = jdbc.sql("""
                    update idempotency_key set status = :status, location = :location, content_type = :type, body = :body
                    where caller = :caller and key = :key and attempt = :attempt
                    """)
                    .param("status", captured.getStatus())
                    .param("location", captured.getHeader(HttpHeaders.LOCATION))
                    .param("type", captured.getContentType())
                    // an answer marked no-store (e.g. a one-time password) is not kept: a replay gives
                    // the status and Location of the first answer, without its body
                    .param("body", isNoStore(captured) ? null : captured.getContentAsByteArray())
                    .param("caller", claim.caller()).param("key", claim.key()).param("attempt", claim.attempt())
                    .update();
            if (stored == 0) {
                log.warn("the claim of an Idempotency-Key was taken over before its answer was stored");
            }
        } catch (DataAccessException e) {
            log.warn("could not store the answer for an Idempotency-Key; it stays in progress until it may be taken over", e);
        }
    }

    /**
     * A failed attempt gives its key back, so that a retry runs afresh — unless its change was made before
     * it failed: then the key stays, and false says so (the answer is to be kept instead).
     */
    private boolean release(Claim claim) {
        try {
            int released = jdbc.sql("""
                    delete from idempotency_key using (%s) as async_commit
                    where caller = :caller and key = :key and attempt = :attempt and not effect_committed
                    """.formatted(ASYNC_COMMIT))
                    .param("caller", claim.caller()).param("key", claim.key()).param("attempt", claim.attempt())
                    .update();
            return released == 1 || stored(claim).map(s -> !s.effectCommitted()).orElse(true);
        } catch (DataAccessException e) {
            log.warn("could not give back an Idempotency-Key after a failed attempt; it stays in progress until it may be taken over", e);
            return true;
        }
    }

    private static boolean isNoStore(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-store");
    }

    private Optional<Stored> stored(Claim claim) {
        return jdbc.sql("""
                        select request_hash, status, location, content_type, body, effect_committed,
                               created_at < now() - make_interval(secs => :stale)
                        from idempotency_key where caller = :caller and key = :key""")
                .param("caller", claim.caller()).param("key", claim.key()).param("stale", inProgressTimeout.toMillis() / 1000.0)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), rs.getBoolean(6), rs.getBoolean(7)))
                .optional();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One attempt's hold on a caller's key. */
    record Claim(String caller, String key, UUID attempt) {}

    /**
     * @param status          null while the key is in progress
     * @param effectCommitted the attempt's change is made
     * @param old             in progress for longer than the timeout
     */
    private record Stored(String requestHash, Integer status, String location, String contentType, byte[] body,
            boolean effectCommitted, boolean old) {
        boolean inProgress() {
            return status == null;
        }
    }

    /** The request again, with its body already read (to hash it) available to the handler. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
