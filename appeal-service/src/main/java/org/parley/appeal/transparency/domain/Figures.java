package org.parley.appeal.transparency.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the counters for a period. */
public interface Figures {

    /** Notices by company, ground, category and automation; only one company when {@code company} is set. */
    List<NoticeCount> notices(ReportPeriod period, UUID company);

    /**
     * Appeal counts by company, and for all of them together. {@code duePeriod} bounds the "due" counters
     * separately, since an appeal can only be judged in time or not once its due day is over.
     */
    AppealFigures appeals(ReportPeriod period, ReportPeriod duePeriod, UUID company);

    /** Appeal counts by company and in total (a median is not the sum of medians, so the total is its own). */
    record AppealFigures(Map<UUID, AppealCounts> byCompany, AppealCounts total) {}

    Map<UUID, String> companyNames(Collection<UUID> companies);

    /** The outcomes of the requests that notices name; requests no notice names are left out. */
    List<RequestOutcome> requestOutcomes(Collection<UUID> requestIds);
}
