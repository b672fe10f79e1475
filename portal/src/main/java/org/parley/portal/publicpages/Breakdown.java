package org.parley.portal.publicpages;

import org.parley.portal.api.ApiResult;
import org.parley.portal.publicpages.Figures.Dimension;
import org.parley.portal.publicpages.PublicApi.RequestReport;

/** One chart of the request figures and the numbers beside it: the report broken down by one dimension. */
public record Breakdown(Dimension dimension, ApiResult<RequestReport> result) {
}
