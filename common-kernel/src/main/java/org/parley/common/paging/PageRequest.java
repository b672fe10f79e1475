package org.parley.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.RuleViolation;

/**
 * Keyset paging over time-ordered ids: a page token is the opaque form of the last id served,
 * so a page costs an index range scan however deep the caller goes.
 *
 * @param size  how many items to return (1 to {@link #MAX_SIZE})
 * @param after the last id of the previous page, if any
 */
public record PageRequest(int size, Optional<UUID> after) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    private static final String PREFIX = "p1:";

    /** Reads {@code ?pageSize=&pageToken=}; bad values are a 422 naming the field. */
    public static PageRequest of(Integer pageSize, String pageToken) {
        int size = pageSize == null ? DEFAULT_SIZE : pageSize;
        if (size < 1 || size > MAX_SIZE) {
            throw RuleViolation.ofField("pageSize", "must be between 1 and " + MAX_SIZE);
        }
        if (pageToken == null || pageToken.isBlank()) {
            return new PageRequest(size, Optional.empty());
        }
        return new PageRequest(size, Optional.of(decode(pageToken)));
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, Optional.empty());
    }

    /** Ask the store for one row more than the page holds, to know whether another page follows. */
    public int fetchSize() {
        return size + 1;
    }

    public static String encode(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    private static UUID decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                Optional<UUID> id = Ids.parse(text.substring(PREFIX.length()));
                if (id.isPresent()) {
                    return id.get();
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through to the same answer as any other unreadable token
        }
        throw RuleViolation.ofField("pageToken", "is not a token this service issued");
    }
}
