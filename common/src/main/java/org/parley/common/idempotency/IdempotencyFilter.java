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
import java.util.HexFormat;
import org.parley.common.security.CurrentCaller;
import org.parley.common.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for creating POSTs. The key is claimed, the request handled and its
 * answer stored in one transaction: a concurrent retry with the same key waits on the key's row
 * and then replays the stored answer; a failed attempt (any non-2xx) rolls back with the key, so
 * a retry runs afresh. The same key with another body is refused with 422.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Problems problems;

    public IdempotencyFilter(JdbcClient jdbc, TransactionTemplate transactions, Problems problems) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.problems = problems;
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
        String caller = CurrentCaller.get().subject();
        String requestHash = sha256(request.getRequestURI() + "\n" + new String(body, StandardCharsets.UTF_8));
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        Outcome outcome = transactions.execute(tx -> {
            int claimed = jdbc.sql("""
                    insert into idempotency_key (caller, key, request_hash, status) values (:caller, :key, :hash, 0)
                    on conflict (caller, key) do update
                        set request_hash = excluded.request_hash, status = 0, location = null,
                            content_type = null, body = null, created_at = now()
                        where idempotency_key.created_at < now() - interval '24 hours'
                    """).param("caller", caller).param("key", key).param("hash", requestHash).update();
            if (claimed == 0) {
                return Outcome.replay(stored(caller, key));
            }
            try {
                chain.doFilter(new ReplayableRequest(request, body), captured);
            } catch (IOException | ServletException e) {
                tx.setRollbackOnly();
                return Outcome.failed(e);
            }
            int status = captured.getStatus();
            if (status < 200 || status >= 300) {
                tx.setRollbackOnly();
                return Outcome.handled();
            }
            jdbc.sql("""
                    update idempotency_key set status = :status, location = :location, content_type = :type, body = :body
                    where caller = :caller and key = :key
                    """)
                    .param("status", status)
                    .param("location", captured.getHeader(HttpHeaders.LOCATION))
                    .param("type", captured.getContentType())
                    // an answer marked no-store (e.g. a one-time password) is not kept: a replay gives
                    // the status and Location of the first answer, without its body
                    .param("body", isNoStore(captured) ? null : captured.getContentAsByteArray())
                    .param("caller", caller).param("key", key)
                    .update();
            return Outcome.handled();
        });
        if (outcome.failure() != null) {
            captured.copyBodyToResponse();
            throw new ServletException(outcome.failure());
        }
        if (outcome.replay() == null) {
            captured.copyBodyToResponse();
            return;
        }
        Stored stored = outcome.replay();
        if (!stored.requestHash().equals(requestHash)) {
            problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used with a different request"));
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

    private static boolean isNoStore(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-store");
    }

    private Stored stored(String caller, String key) {
        return jdbc.sql("select request_hash, status, location, content_type, body from idempotency_key where caller = :caller and key = :key")
                .param("caller", caller).param("key", key)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                .single();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Stored(String requestHash, int status, String location, String contentType, byte[] body) {}

    private record Outcome(Stored replay, Exception failure) {
        static Outcome replay(Stored stored) {
            return new Outcome(stored, null);
        }

        static Outcome handled() {
            return new Outcome(null, null);
        }

        static Outcome failed(Exception e) {
            return new Outcome(null, e);
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
