package org.parley.request.lifecycle.domain;

import java.time.Duration;
import org.parley.request.shared.domain.RequestType;

/**
 * Where the time a company took to answer a request is told: an operator's figure (how quickly
 * requests are answered just now), not a record; the record is the request itself and its audit.
 */
public interface AnswerTimes {

    /** The company answered a request of this type after its clock had run this long. */
    void answered(RequestType type, Duration companyTime);
}
