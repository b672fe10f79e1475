package org.parley.stakeholder.framework.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.paging.PageRequest;

/** Where frameworks and their clauses are kept. */
public interface FrameworkStore {

    /** Inserts; false when another framework already has that name. */
    boolean insert(Framework framework);

    Optional<Framework> find(UUID id);

    List<Framework> findAll(Collection<UUID> ids);

    /** Rows in id order after the page's cursor, one more than the page size. */
    List<Framework> list(PageRequest page);
}
