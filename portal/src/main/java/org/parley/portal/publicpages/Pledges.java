package org.parley.portal.publicpages;

import java.util.Map;
import java.util.Optional;

import org.parley.portal.api.ApiResult;
import org.parley.portal.publicpages.PublicApi.CommitmentList;
import org.parley.portal.publicpages.PublicApi.Items;
import org.parley.portal.publicpages.PublicApi.ProgressReport;
import org.parley.portal.publicpages.PublicApi.Stakeholder;

/** One participant's row of the scoreboard: their commitments and each one's latest progress report. */
public record Pledges(Stakeholder stakeholder, ApiResult<CommitmentList> commitments,
        Map<String, ApiResult<Items<ProgressReport>>> reports) {

    public Optional<ProgressReport> latestReport(String commitmentId) {
        ApiResult<Items<ProgressReport>> result = reports.get(commitmentId);
        if (result == null) {
            return Optional.empty();
        }
        return result.answer().flatMap(items -> PublicApi.latest(items.items()));
    }

    public boolean reportsUnavailable(String commitmentId) {
        ApiResult<Items<ProgressReport>> result = reports.get(commitmentId);
        return result != null && !result.ok();
    }

    public boolean hasCommitments() {
        return commitments.answer().map(list -> !list.items().isEmpty()).orElse(true);
    }
}
