package org.parley.request.safeguards.domain;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Looks stakeholders up in the registry. Ids it does not know are simply absent from the answer. */
public interface StakeholderDirectory {

    Map<UUID, Party> find(Collection<UUID> ids);
}
