package org.parley.request.lifecycle.domain;

import java.time.Instant;
import java.util.List;
import org.parley.request.shared.domain.Overlap;

/**
 * The overlaps of a request, as the caller may be told them. The deconfliction feature finds them and
 * decides what each party learns.
 */
public interface Overlaps {

    List<Overlap> toldTo(RequestAccess access, GovernmentRequest request, Instant now);
}
