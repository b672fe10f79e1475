package org.parley.stakeholder.standards.domain;

import java.util.List;
import java.util.Optional;
import org.parley.common.paging.PageRequest;

/** Where the published versions of the standards are kept. */
public interface StandardsStore {

    Optional<Standards> active();

    Optional<Standards> find(int version);

    /** Versions in publication order after the page's cursor, one more than the page size. */
    List<Standards> list(PageRequest page);

    /**
     * Serialises publishers until the transaction ends, and answers the number the next version gets.
     */
    int lockAndNextVersion();

    /** Stores a version, inactive; {@link #activate(int)} puts it in force. */
    void insert(Standards standards);

    /** Makes the version the only active one. */
    void activate(int version);
}
