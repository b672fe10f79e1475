package org.parley.stakeholder.registry.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.paging.PageRequest;

/** Where stakeholders, their spheres of control and contact points are kept. */
public interface StakeholderStore {

    void insert(Stakeholder stakeholder);

    Optional<Stakeholder> find(UUID id);

    /** The stakeholder with its row locked until the transaction ends. */
    Optional<Stakeholder> lock(UUID id);

    List<Stakeholder> findAll(Collection<UUID> ids);

    /** Rows in id order after the page's cursor, one more than the page size. */
    List<Stakeholder> list(StakeholderFilter filter, PageRequest page);

    /** Writes name, status, jurisdictions and the time; bumps the version. */
    void update(Stakeholder stakeholder);

    void insertSphere(Sphere sphere);

    /** True when there was such a sphere. */
    boolean deleteSphere(UUID stakeholderId, UUID sphereId);

    /** Spheres of the given stakeholders, oldest first. */
    List<Sphere> spheres(Collection<UUID> stakeholderIds);

    /** Creates or replaces; true when it created one. */
    boolean saveContactPoint(UUID stakeholderId, ContactPoint contactPoint);

    Map<UUID, ContactPoint> contactPoints(Collection<UUID> stakeholderIds);

    /** Narrows a listing; null fields do not filter. */
    record StakeholderFilter(StakeholderKind kind, StakeholderStatus status) {}
}
