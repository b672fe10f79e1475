package org.parley.common.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement, kept outside the database, that the chain of {@code service} had
 * {@code hash} at {@code chainPos} at {@code time}; written by {@code instance}.
 *
 * @param previous  SHA-256 of the line before this one in the instance's file, null for the first:
 *                  the signature of a file's last line then vouches for every line before it
 * @param signature Ed25519 over {@link #signedText()}, base64
 */
public record AuditCheckpoint(String service, long chainPos, String hash, Instant time, String instance,
        String previous, String signature) {

    /** What the signature covers: every field but the signature, one a line, under a versioned heading. */
    byte[] signedText() {
        return String.join("\n", "parley-audit-checkpoint/1", service, Long.toString(chainPos), hash, time.toString(),
                instance, previous == null ? "" : previous).getBytes(StandardCharsets.UTF_8);
    }

    AuditCheckpoint signed(String signature) {
        return new AuditCheckpoint(service, chainPos, hash, time, instance, previous, signature);
    }
}
