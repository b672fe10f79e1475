package org.parley.portal.company;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Requests as request-service's views write them (HeadlineView, RequestView, HistoryEntry),
 * built field by field so that each test says only what matters to it.
 */
final class RequestFixtures {

    static final String AUTHORITY = "01930000-0000-7000-8000-00000000a001";
    static final String COMPANY = "01930000-0000-7000-8000-00000000c001";

    private RequestFixtures() {
    }

    static Request request(String id) {
        return new Request(id);
    }

    static final class Request {
        final String id;
        String type = "REMOVAL_ORDER";
        String state = "SUBMITTED";
        String urgency = "URGENT";
        String authorityName = "Federal Office for Online Safety (as submitted)";
        Instant receivedAt = Instant.now().minusSeconds(20 * 60);
        Instant dueAt = Instant.now().plusSeconds(40 * 60);
        boolean clockRunning = true;
        Long remainingSeconds;
        boolean overdue;
        String gagUntil;
        boolean gagInForce;
        List<String> warnings = new ArrayList<>();
        List<String> actions = new ArrayList<>(List.of("ACKNOWLEDGE"));
        List<String> clarifications = new ArrayList<>();
        String response;
        boolean mayNotify = true;

        Request(String id) {
            this.id = id;
        }

        Request type(String value) { type = value; return this; }
        Request state(String value) { state = value; return this; }
        Request due(Instant value) { dueAt = value; return this; }
        Request overdue() { overdue = true; return this; }
        Request stopped(long remaining) { clockRunning = false; dueAt = null; remainingSeconds = remaining; return this; }
        Request gag(String until, boolean inForce) { gagUntil = until; gagInForce = inForce; mayNotify = !inForce; return this; }
        Request warning(String message) { warnings.add(message); return this; }
        Request actions(String... values) { actions = new ArrayList<>(List.of(values)); return this; }
        Request clarification(String json) { clarifications.add(json); return this; }
        Request response(String json) { response = json; return this; }

        private static String time(Instant instant) {
            return instant == null ? "null" : "\"" + instant + "\"";
        }

        private String party() {
            return """
                    {"id":"%s","name":"%s","country":"DE"}""".formatted(AUTHORITY, authorityName);
        }

        private String company() {
            return """
                    {"id":"%s","name":"Streamly","country":"IE"}""".formatted(COMPANY);
        }

        private String findings() {
            return warnings.stream().map(w -> """
                    {"rule":"JURISDICTION","severity":"WARNING","message":"%s"}""".formatted(w))
                    .collect(Collectors.joining(",", "[", "]"));
        }

        /** One item of {@code GET /api/v1/requests}. */
        String headline() {
            return """
                    {"id":"%s","type":"%s","state":"%s","urgency":"%s","authority":%s,"targetCompany":%s,
                     "submittedAt":%s,"receivedAt":%s,"dueAt":%s,"overdue":%s,"confidential":%s,"findings":%s}""".formatted(
                    id, type, state, urgency, party(), company(), time(receivedAt), time(receivedAt), time(dueAt),
                    overdue, gagUntil != null, findings());
        }

        /** {@code GET /api/v1/requests/{id}}. */
        String detail() {
            String findings = findings();
            String gag = gagUntil == null ? "" : """
                    "confidentiality":{"until":"%s","justification":"An investigation would be compromised","inForce":%s},
                    """.formatted(gagUntil, gagInForce);
            String period = "INFORMATION".equals(type) ? """
                    "dataCategories":["SUBSCRIBER","TRAFFIC"],"period":{"from":"2026-09-01","to":"2026-10-31"},
                    """ : "";
            return """
                    {"id":"%s","type":"%s","state":"%s","urgency":"%s","authority":%s,"targetCompany":%s,
                     "legalBasis":{"instrument":"Regulation (EU) 2021/784","provision":"Art. 3","jurisdiction":"DE"},
                     "legitimateAim":"PUBLIC_ORDER",
                     "necessityStatement":"The video calls for attacks on a named place of worship this week.",
                     "proportionalityStatement":"Only the one video is named; the account stays up.",
                     "statementOfReasons":"Incitement to a terrorist offence under § 89a StGB.",
                     "subjects":[{"kind":"URL","value":"https://video.streamly.example/v/8841"},{"kind":"ACCOUNT","erased":true}],
                     %s%s
                     "userNotification":{"mayNotify":%s,"message":"whatever the API says"},
                     "submittedAt":%s,"receivedAt":%s,"dueAt":%s,
                     "clock":{"running":%s,"dueAt":%s,"remainingSeconds":%s},
                     "overdue":%s,"findings":%s,"rulesVersion":3,
                     "clarifications":[%s],%s
                     "overlaps":[],"availableActions":[%s],"version":4}""".formatted(
                    id, type, state, urgency, party(), company(), gag, period, mayNotify,
                    time(receivedAt), time(receivedAt), time(dueAt), clockRunning, time(dueAt),
                    remainingSeconds == null ? "null" : remainingSeconds, overdue, findings,
                    String.join(",", clarifications), response == null ? "" : "\"response\":" + response + ",",
                    actions.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",")));
        }

        /** {@code GET /api/v1/requests/{id}/history}. */
        String history() {
            return """
                    [{"id":"h1","occurredAt":%s,"action":"REQUEST_SUBMITTED",
                      "actor":{"name":null,"roles":["gov-liaison"],"stakeholderId":"%s"},
                      "beforeState":null,"afterState":"SUBMITTED","details":null,"chainPosition":1,"hash":"ab"}]"""
                    .formatted(time(receivedAt), AUTHORITY);
        }
    }

    static String page(Request... requests) {
        return List.of(requests).stream().map(Request::headline)
                .collect(Collectors.joining(",", "{\"items\":[", "],\"nextPageToken\":null}"));
    }

    static final String STAKEHOLDERS = """
            {"items":[{"id":"%s","kind":"STATE","name":"Germany: Federal Office for Online Safety","country":"DE",
                       "jurisdictions":["DE"],"status":"ACTIVE"}],"nextPageToken":null}""".formatted(AUTHORITY);
}
