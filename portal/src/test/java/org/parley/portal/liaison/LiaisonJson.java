package org.parley.portal.liaison;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The request-service's JSON as the liaison desk receives it, shaped like its views. */
final class LiaisonJson {

    static final String AUTHORITY = "0190a000-0000-7000-8000-0000000000a1";
    static final String STREAMLY = "0190a000-0000-7000-8000-0000000000c1";
    static final String CHIRP = "0190a000-0000-7000-8000-0000000000c2";

    private LiaisonJson() {
    }

    static String companies() {
        return """
                {"items":[
                  {"id":"%s","kind":"COMPANY","name":"Streamly","country":"IE","jurisdictions":["DE","FR","IE"],
                   "status":"ACTIVE","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"},
                  {"id":"%s","kind":"COMPANY","name":"Chirp","country":"US","jurisdictions":["US"],
                   "status":"ACTIVE","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}],
                 "nextPageToken":null}""".formatted(STREAMLY, CHIRP);
    }

    static String headline(String id, String type, String state, Instant dueAt, boolean overdue) {
        return """
                {"id":"%s","type":"%s","state":"%s","urgency":"ROUTINE",
                 "authority":{"id":"%s","name":"Bundesamt","country":"DE"},
                 "targetCompany":{"id":"%s","name":"Streamly","country":"IE"},
                 "submittedAt":"2026-11-30T09:00:00Z","receivedAt":%s,"dueAt":%s,"overdue":%s,"confidential":false}"""
                .formatted(id, type, state, AUTHORITY, STREAMLY,
                        "AWAITING_CONFIRMATION".equals(state) ? "null" : "\"2026-11-30T09:00:00Z\"",
                        dueAt == null ? "null" : "\"" + dueAt + "\"", overdue);
    }

    static String page(String nextPageToken, String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"nextPageToken\":"
                + (nextPageToken == null ? "null" : "\"" + nextPageToken + "\"") + "}";
    }

    static Instant inMinutes(long minutes) {
        return Instant.now().plus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A removal order with a question of the company waiting for the authority's answer. */
    static String removalOrderWithQuestion(String id, String clarificationId) {
        return """
                {"id":"%s","type":"REMOVAL_ORDER","state":"CLARIFICATION_REQUESTED","urgency":"ROUTINE",
                 "authority":{"id":"%s","name":"Bundesamt","country":"DE"},
                 "targetCompany":{"id":"%s","name":"Streamly","country":"IE"},
                 "legalBasis":{"instrument":"Regulation (EU) 2021/784","provision":"Art. 3","jurisdiction":"DE"},
                 "legitimateAim":"PUBLIC_ORDER",
                 "necessityStatement":"The video calls for attacks on a named place of worship.",
                 "proportionalityStatement":"One video, nothing else of the account.",
                 "statementOfReasons":"Incitement to violence under StGB 130.",
                 "subjects":[{"kind":"URL","value":"https://video.example.com/v/123"}],
                 "userNotification":{"mayNotify":true,"message":"No gag order: affected users may be notified"},
                 "submittedAt":"2026-11-30T09:00:00Z","receivedAt":"2026-11-30T09:00:00Z",
                 "dueAt":null,"clock":{"running":false,"dueAt":null,"stoppedAt":"2026-11-30T09:20:00Z","remainingSeconds":2400},
                 "overdue":false,
                 "findings":[{"rule":"JURISDICTION","severity":"WARNING","message":"Streamly does not operate in DE (it operates in IE); a request from outside its jurisdictions normally goes through mutual legal assistance (MLA)"}],
                 "rulesVersion":3,
                 "clarifications":[{"id":"%s","question":"Which of the two uploads do you mean?","askedAt":"2026-11-30T09:20:00Z"}],
                 "overlaps":[],
                 "availableActions":["ANSWER_CLARIFICATION","WITHDRAW"],
                 "version":3}""".formatted(id, AUTHORITY, STREAMLY, clarificationId);
    }

    /** An information request the company answered with a disclosure. */
    static String answeredInformationRequest(String id) {
        return """
                {"id":"%s","type":"INFORMATION","state":"FULFILLED","urgency":"ROUTINE",
                 "authority":{"id":"%s","name":"Bundesamt","country":"DE"},
                 "targetCompany":{"id":"%s","name":"Streamly","country":"IE"},
                 "legalBasis":{"instrument":"StPO","provision":"§ 100j","jurisdiction":"DE"},
                 "legitimateAim":"NATIONAL_SECURITY","necessityStatement":"n","proportionalityStatement":"p",
                 "subjects":[{"kind":"ACCOUNT","value":"user-8841"}],
                 "dataCategories":["SUBSCRIBER"],"period":{"from":"2026-10-01","to":"2026-10-31"},
                 "confidentiality":{"until":"2027-01-31","justification":"Ongoing investigation.","inForce":true},
                 "submittedAt":"2026-11-01T09:00:00Z","receivedAt":"2026-11-01T09:00:00Z","dueAt":"2026-11-11T09:00:00Z",
                 "clock":{"running":false,"dueAt":"2026-11-11T09:00:00Z"},"overdue":false,"findings":[],"rulesVersion":3,
                 "clarifications":[],
                 "response":{"outcome":"FULFILLED","reasonCodes":[],"explanation":"Subscriber record delivered.",
                   "actionTakenAt":"2026-11-02T10:00:00Z","disclosure":{"itemCount":3,"packageSha256":"%s"},
                   "respondedAt":"2026-11-02T10:05:00Z","hoursToAnswer":25.08,"answeredInTime":true},
                 "overlaps":[],"availableActions":[],"version":4}""".formatted(id, AUTHORITY, STREAMLY, "ab".repeat(32));
    }

    static String history() {
        return """
                [{"id":"h1","occurredAt":"2026-11-30T09:00:00Z","action":"REQUEST_SUBMITTED",
                  "actor":{"name":"liaison-de-1","roles":["gov-liaison"],"stakeholderId":"%s"},
                  "beforeState":null,"afterState":"SUBMITTED","details":{"type":"REMOVAL_ORDER"},"chainPosition":1,"hash":"aa"},
                 {"id":"h2","occurredAt":"2026-11-30T09:20:00Z","action":"CLARIFICATION_REQUESTED",
                  "actor":{"name":null,"roles":["company-responder"],"stakeholderId":"%s"},
                  "beforeState":"ACKNOWLEDGED","afterState":"CLARIFICATION_REQUESTED","details":null,"chainPosition":3,"hash":"bb"}]"""
                .formatted(AUTHORITY, STREAMLY);
    }
}
