package org.parley.stakeholder.registry.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.paging.PageRequest;

/** Where stakeholders are kept. */
public interface StakeholderStore {

    void insert(Stakeholder stakeholder);

    Optional<Stakeholder> find(UUID id);

    List<Stakeholder> findAll(Collection<UUID> ids);

    /** Rows in id order after the page's cursor, one more than the page size. */
    List<Stakeholder> list(StakeholderFilter filter, PageRequest page);

    /** Narrows a listing; null fields do not filter. */
    record StakeholderFilter(StakeholderKind kind, StakeholderStatus status) {}
}
