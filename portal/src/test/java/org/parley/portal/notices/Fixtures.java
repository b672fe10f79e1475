package org.parley.portal.notices;

/** The API's answers as appeal-, stakeholder- and request-service send them, built with what a test varies. */
final class Fixtures {

    static final String STREAMLY = "01930000-0000-7000-8000-00000000c001";

    private Fixtures() {
    }

    static String notice(String id, String reference, String category, boolean incitement, String recordedAt,
            String appealId, String order) {
        return """
                {"id":"%s","reference":"%s","companyId":"%s","companyName":"Streamly Video",
                 "contentRef":"https://video.example.com/v/%s","accountRef":"user-8841","restriction":"REMOVED",
                 "territorialScope":["DE","FR"],"ground":"ILLEGAL_CONTENT","legalReference":"StGB §130","termsReference":null,
                 "category":"%s","categoryName":"%s","rabatTestRequired":%s,
                 "facts":"The video calls on viewers to attack the named group.","automatedDetection":true,
                 "automatedDecision":false,"decidedAt":"2026-11-20T10:00:00Z","language":"de","requestId":null,
                 "order":%s,"complete":true,"explanation":"Streamly Video removed your content.",
                 "appealUntil":"2027-05-20T10:00:00Z","canAppeal":false,"appealId":%s,"claimed":%s,
                 "claimedAt":%s,"recordedBy":{"subject":"s-1","username":"responder-streamly-1"},
                 "recordedAt":"%s","standardsVersion":1}
                """.formatted(id, reference, STREAMLY, id, category,
                "INCITEMENT_TO_VIOLENCE".equals(category) ? "Incitement to violence" : "Terrorist content", incitement,
                order, appealId == null ? "null" : "\"" + appealId + "\"", appealId != null,
                appealId == null ? "null" : "\"2026-11-21T08:00:00Z\"", recordedAt);
    }

    static String appeal(String id, String noticeId, String reference, String state, String dueAt, boolean overdue,
            boolean rabat, String reviewer, String actions) {
        return """
                {"id":"%s","noticeId":"%s","noticeReference":"%s","companyId":"%s","state":"%s",
                 "statement":"Das Video dokumentiert den Angriff, es ruft nicht dazu auf.","language":"de",
                 "filedAt":"2026-11-22T09:00:00Z","dueAt":"%s","decisionDays":14,"decisionTimeSource":"COMMITMENT",
                 "overdue":%s,"markedOverdueAt":null,"rabatTestRequired":%s,
                 "reviewer":%s,"assignedAt":%s,"decision":null,"escalation":null,"independentDecision":null,
                 "actions":[%s],"version":1}
                """.formatted(id, noticeId, reference, STREAMLY, state, dueAt, overdue, rabat,
                reviewer == null ? "null" : "{\"subject\":\"s-2\",\"username\":\"" + reviewer + "\",\"human\":true}",
                reviewer == null ? "null" : "\"2026-11-22T10:00:00Z\"", actions);
    }

    static String listing(String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"nextPageToken\":null}";
    }

    static final String STANDARDS = """
            {"version":1,"publishedAt":"2026-01-01T00:00:00Z","summary":"First version","active":true,
             "contentCategories":[
              {"code":"TERRORIST_CONTENT","name":"Terrorist content","definition":"Material that incites a terrorist offence.",
               "legalReferences":["Regulation (EU) 2021/784 (TCO), Art. 2(7)"],"notCovered":["News reporting on attacks"],"incitement":false},
              {"code":"INCITEMENT_TO_VIOLENCE","name":"Incitement to violence","definition":"Expression that intends and is likely to incite imminent violence.",
               "legalReferences":["ICCPR Art. 20(2)"],"notCovered":["Satire and art"],"incitement":true}],
             "requestRules":{"minStatementLength":40,"overbreadthSubjectThreshold":10,"judicialAuthorisationRequiredFor":["CONTENT"],
              "maxInformationPeriodDays":365,"maxGagDays":180,"transparencyK":5,"answerTimes":[],"legitimateAims":["PUBLIC_ORDER"]}}
            """;

    static String request(String id, String type, String state) {
        return """
                {"id":"%s","type":"%s","state":"%s","urgency":"NORMAL",
                 "authority":{"id":"01930000-0000-7000-8000-00000000a001","name":"Bundeskriminalamt","country":"DE"},
                 "targetCompany":{"id":"%s","name":"Streamly Video","country":"US"},
                 "submittedAt":"2026-11-19T09:00:00Z","receivedAt":"2026-11-19T09:00:00Z","dueAt":"2026-11-19T10:00:00Z",
                 "overdue":false,"confidential":false}
                """.formatted(id, type, state, STREAMLY);
    }

    static String stakeholder(String contactPoint, String spheres) {
        return """
                {"id":"%s","kind":"COMPANY","name":"Streamly Video","country":"US","jurisdictions":["US","DE","FR"],
                 "status":"ACTIVE","createdAt":"2026-12-01T09:46:59Z","updatedAt":"2026-12-01T09:46:59Z","version":3,
                 "spheres":[%s],"contactPoint":%s}
                """.formatted(STREAMLY, spheres, contactPoint);
    }

    static final String CONTACT_POINT = """
            {"email":"orders@streamly.example","phone":"+1 415 000 0000","languages":["en","de"],"hours":"24/7",
             "escalationContact":"legal@streamly.example","updatedAt":"2026-12-01T09:47:00Z"}
            """;

    static final String SPHERE = """
            {"id":"01930000-0000-7000-8000-0000000005f1","area":"CONTENT_MODERATION","scope":"Video uploads in the EU",
             "createdAt":"2026-12-01T09:47:00Z"}
            """;

    static String problem(int status, String detail, String... fieldMessages) {
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < fieldMessages.length; i += 2) {
            errors.append(i == 0 ? "" : ",").append("{\"field\":\"").append(fieldMessages[i])
                    .append("\",\"message\":\"").append(fieldMessages[i + 1]).append("\"}");
        }
        return """
                {"type":"urn:parley:problem:x","title":"Unprocessable Content","status":%d,"detail":"%s","reason":"X"%s}
                """.formatted(status, detail, fieldMessages.length == 0 ? "" : ",\"errors\":[" + errors + "]");
    }
}
