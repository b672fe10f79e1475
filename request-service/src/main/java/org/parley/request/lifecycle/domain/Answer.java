package org.parley.request.lifecycle.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The company's recorded answer to a request.
 *
 * @param answeredAt  when the answer was recorded
 * @param companyTime how long the company's clock ran from receipt to the answer (clarification waits excluded)
 * @param inTime      whether the answer came before the due time; null when the request had none
 */
public record Answer(CompanyResponse response, Instant answeredAt, Duration companyTime, Boolean inTime) {}
