package org.parley.request.archive.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import org.parley.common.kernel.RuleViolation;

/**
 * The page token of an archive search: the opaque form of the publication position of the last
 * record served. Newer records get higher positions, so pages already handed out stay as they were
 * however many records are published meanwhile.
 */
public final class ArchiveCursor {

    private static final String PREFIX = "a1:";

    private ArchiveCursor() {}

    public static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    public static OptionalLong decode(String token) {
        if (token == null || token.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long position = Long.parseLong(text.substring(PREFIX.length()));
                if (position > 0) {
                    return OptionalLong.of(position);
                }
            }
        } catch (IllegalArgumentException e) {
            // the same answer as any other unreadable token
        }
        throw RuleViolation.ofField("pageToken", "is not a token this service issued");
    }
}
