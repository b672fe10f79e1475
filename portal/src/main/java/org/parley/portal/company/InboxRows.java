package org.parley.portal.company;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.parley.portal.api.Api;
import org.parley.portal.api.ApiResult;
import org.parley.portal.api.ApiService;
import org.parley.portal.company.RequestJson.Detail;
import org.parley.portal.company.RequestJson.Headline;
import org.parley.portal.company.RequestJson.Headlines;
import org.parley.portal.company.RequestJson.Party;
import org.parley.portal.company.RequestJson.Stakeholder;
import org.parley.portal.company.RequestJson.Stakeholders;

/**
 * The rows of the company's inbox, read with the responder's own token (the API lists only the
 * requests that reached their company), most urgent first.
 *
 * <p>{@link #row(Api, String)} builds the one row of a single request, for a live update that
 * pushes a new request into an open inbox: render it with {@link #TEMPLATE}
 * ({@code company/inbox-row.jte}, parameters {@code page} and {@code row}).
 */
public final class InboxRows {

    /** The template that draws one row: {@code @param Page page}, {@code @param InboxRow row}. */
    public static final String TEMPLATE = "company/inbox-row";

    /** The most urgent requests the inbox shows at first: one call, whatever the number of open requests. */
    static final int SHOWN = 100;
    /** Rows per call of the listing when every request is asked for (the API's maximum). */
    static final int PAGE_SIZE = 500;
    /** Pages followed then: the inbox shows at most this many times {@link #PAGE_SIZE} requests. */
    static final int MAX_PAGES = 4;

    private static final Pattern ID = Pattern.compile("[0-9A-Fa-f-]{1,64}");

    private InboxRows() {
    }

    /**
     * A filter of the inbox: a state ({@code null}: the open ones, {@code ALL}: every state), a type, only
     * overdue; and whether every matching request is shown, not only the {@link #SHOWN} most urgent.
     */
    record Filter(String state, String type, boolean overdueOnly, boolean all) {
        static final String ALL = "ALL";

        /** The states the listing asks for; none: every state. */
        List<String> states() {
            if (state == null) {
                return InboxRow.OPEN_STATES;
            }
            return ALL.equals(state) ? List.of() : List.of(state);
        }
    }

    /**
     * The inbox: {@code rows} most urgent first, or {@code unavailable} when the requests could not be read.
     *
     * @param truncated more requests matched than the inbox lists (the {@link #SHOWN} most urgent, or with
     *                  {@code all} the most it lists)
     */
    public record Inbox(List<InboxRow> rows, boolean unavailable, boolean truncated) {
    }

    /**
     * The inbox row of one request as the person behind {@code api} sees it, or empty when they may not
     * see it (or it does not exist) or request-service cannot be reached.
     */
    public static Optional<InboxRow> row(Api api, String requestId) {
        if (requestId == null || !ID.matcher(requestId).matches()) {
            return Optional.empty();
        }
        Api.Fork<Detail> detail = api.fork(() -> RequestJson.get(api, "/api/v1/requests/" + requestId, Detail.class));
        Api.Fork<Stakeholders> names = api.fork(() -> authorities(api));
        Optional<Detail> found = detail.join(ApiService.REQUEST).answer();
        Map<String, String> byId = names(names.join(ApiService.STAKEHOLDER));
        return found.map(d -> of(d, byId, Instant.now()));
    }

    static Inbox inbox(Api api, Filter filter) {
        // one listing for all the states asked for, most urgent first: each row carries its warnings, so
        // no call per request; the page sorts again only to place rows of equal urgency as the live feed does
        Api.Fork<Stakeholders> names = api.fork(() -> authorities(api));
        ApiResult<Listing> listing = listAll(api, filter);
        if (!(listing instanceof ApiResult.Ok<Listing> ok)) {
            return new Inbox(List.of(), true, false);
        }
        Map<String, String> byId = names(names.join(ApiService.STAKEHOLDER));
        Instant now = Instant.now();
        List<InboxRow> rows = ok.value().items().stream().map(h -> of(h, byId, now)).sorted(URGENCY).toList();
        return new Inbox(rows, false, ok.value().truncated());
    }

    /** Most urgent first: overdue, then by due time, then open ones without a running clock, then the answered. */
    static final Comparator<InboxRow> URGENCY = Comparator.comparingInt(InboxRow::rank)
            .thenComparing((InboxRow row) -> row.rank() < 2 ? row.dueAt() : null,
                    Comparator.nullsLast(Comparator.naturalOrder()))
            // open ones without a running clock: the longest waiting first; the answered: the newest first
            .thenComparing((InboxRow row) -> row.rank() < 3 ? row.receivedAt() : null,
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InboxRow::receivedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

    private record Listing(List<Headline> items, boolean truncated) {
    }

    /** The matching requests, most urgent first, as the API orders them. */
    private static ApiResult<Listing> listAll(Api api, Filter filter) {
        List<Headline> items = new ArrayList<>();
        String token = null;
        int pages = filter.all() ? MAX_PAGES : 1;
        for (int page = 0; page < pages; page++) {
            StringBuilder path = new StringBuilder("/api/v1/requests?order=URGENCY&pageSize=")
                    .append(filter.all() ? PAGE_SIZE : SHOWN);
            for (String state : filter.states()) {
                path.append("&state=").append(state);
            }
            if (filter.type() != null) {
                path.append("&type=").append(filter.type());
            }
            if (filter.overdueOnly()) {
                path.append("&overdue=true");
            }
            if (token != null) {
                path.append("&pageToken=").append(token);
            }
            ApiResult<Headlines> result = RequestJson.get(api, path.toString(), Headlines.class);
            if (!(result instanceof ApiResult.Ok<Headlines> ok)) {
                return result.map(h -> null);
            }
            items.addAll(ok.value().items());
            token = ok.value().nextPageToken();
            if (token == null || !ID_TOKEN.matcher(token).matches()) {
                return new ApiResult.Ok<>(new Listing(items, false), 200, null);
            }
        }
        return new ApiResult.Ok<>(new Listing(items, true), 200, null);
    }

    /** Page tokens are opaque, but only ever URL-safe base64. */
    private static final Pattern ID_TOKEN = Pattern.compile("[A-Za-z0-9_=-]{1,200}");

    private static ApiResult<Stakeholders> authorities(Api api) {
        return RequestJson.get(api, "/api/v1/stakeholders?kind=STATE&pageSize=500", Stakeholders.class);
    }

    private static Map<String, String> names(ApiResult<Stakeholders> result) {
        Map<String, String> byId = new LinkedHashMap<>();
        result.answer().ifPresent(s -> s.items().forEach(st -> {
            if (st.id() != null && st.name() != null) {
                byId.put(st.id(), st.name());
            }
        }));
        return byId;
    }

    private static String name(Party party, Map<String, String> byId) {
        if (party == null) {
            return null;
        }
        return byId.getOrDefault(party.id(), party.name());
    }

    static InboxRow of(Headline h, Map<String, String> names, Instant now) {
        return new InboxRow(h.id(), h.type(), h.state(), h.urgency(), name(h.authority(), names),
                h.authority() == null ? null : h.authority().country(), h.receivedAt(), h.dueAt(),
                h.overdue() || pastDue(h.state(), h.dueAt(), now), h.dueAt() == null && "CLARIFICATION_REQUESTED".equals(h.state()),
                h.confidential(), h.warnings().size(), h.warnings().isEmpty() ? null : h.warnings().getFirst().message());
    }

    static InboxRow of(Detail d, Map<String, String> names, Instant now) {
        boolean stopped = d.clockStopped();
        Instant due = stopped ? null : d.dueAt();
        return withWarnings(new InboxRow(d.id(), d.type(), d.state(), d.urgency(), name(d.authority(), names),
                d.authority() == null ? null : d.authority().country(), d.receivedAt(), due,
                d.overdue() || (!stopped && pastDue(d.state(), due, now)), stopped, d.confidentiality() != null,
                0, null), d);
    }

    private static InboxRow withWarnings(InboxRow row, Detail d) {
        List<RequestJson.Finding> warnings = d.warnings();
        return new InboxRow(row.requestId(), row.type(), row.state(), row.urgency(), row.authority(),
                row.authorityCountry(), row.receivedAt(), row.dueAt(), row.overdue(), row.clockStopped(),
                row.confidential(), warnings.size(), warnings.isEmpty() ? null : warnings.getFirst().message());
    }

    private static boolean pastDue(String state, Instant due, Instant now) {
        return due != null && (state != null && InboxRow.OPEN_STATES.contains(state)) && now.isAfter(due);
    }
}
