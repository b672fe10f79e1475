package org.parley.request.lifecycle.domain;

import java.util.List;
import java.util.UUID;
import org.parley.request.shared.domain.Overlap;

/** The overlaps flagged on a request, shown with it. The deconfliction feature finds and keeps them. */
public interface Overlaps {

    List<Overlap> of(UUID requestId);
}
