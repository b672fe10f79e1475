package org.parley.request.transparency.domain;

import java.util.UUID;
import org.parley.request.shared.domain.RequestType;

/** The rollup summed over a period for one authority, company, type and outcome. */
public record RollupRow(UUID authorityId, String authorityCountry, UUID companyId, RequestType type,
        ReportedOutcome outcome, long requests, long overdue, long answered, long answeredInTime, long[] histogram) {}
