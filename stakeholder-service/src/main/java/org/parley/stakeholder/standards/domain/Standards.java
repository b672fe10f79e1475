package org.parley.stakeholder.standards.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One published version of the standards catalogue. Immutable once published: clients cache it by
 * version, and every request records the version it was checked against. Exactly one is active.
 *
 * @param summary what this version changes, in words
 */
public record Standards(int version, UUID id, Instant publishedAt, String summary, boolean active,
        List<ContentCategory> contentCategories, RequestRules requestRules) {

    public Standards {
        contentCategories = List.copyOf(contentCategories);
    }

    public Optional<ContentCategory> category(String code) {
        return contentCategories.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
