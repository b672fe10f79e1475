package org.parley.portal.live;

import java.util.Optional;

import org.parley.portal.api.Api;
import org.parley.portal.web.Page;

/** The inbox row of one request as HTML, drawn for the person whose {@link Api} it is. */
@FunctionalInterface
public interface InboxRowSource {

    /** Empty when the request is not (or no longer) visible to them. */
    Optional<String> html(Api api, Page page, String requestId);
}
