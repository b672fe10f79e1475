package org.parley.common.paging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** One page of a list answer: {@code {"items": [...], "nextPageToken": "..."}}. */
public record Page<T>(List<T> items, String nextPageToken) {

    /**
     * Builds the page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, when
     * present, only tells that another page follows.
     */
    public static <T> Page<T> of(List<T> rows, PageRequest request, Function<T, UUID> idOf) {
        if (rows.size() <= request.size()) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, request.size()));
        return new Page<>(items, PageRequest.encode(idOf.apply(items.getLast())));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextPageToken);
    }
}
