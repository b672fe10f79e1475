package org.parley.portal.appellant;

/** appeal-service's answers as the person a notice concerns receives them, built with what a test varies. */
final class AppellantJson {

    static final String STREAMLY = "01930000-0000-7000-8000-00000000c001";

    static final String DISCLOSED = """
            {"authority":"Bundeskriminalamt","authorityCountry":"DE","type":"REMOVAL_ORDER",
             "legalBasis":{"instrument":"Regulation (EU) 2021/784","provision":"Art. 3","jurisdiction":"EU"},
             "confidential":null,"until":null,"unavailable":null}
            """;
    static final String GAGGED = """
            {"authority":null,"authorityCountry":null,"type":null,"legalBasis":null,"confidential":true,
             "until":"2027-03-01T00:00:00Z","unavailable":null}
            """;

    private AppellantJson() {
    }

    /** A notice as its claimant reads it: no account, no staff names, no request id. */
    static String notice(String id, String reference, String category, String order, boolean canAppeal, String appealId) {
        return """
                {"id":"%s","reference":"%s","companyId":"%s","companyName":"Streamly Video",
                 "contentRef":"https://video.example.com/v/123","accountRef":"user-8841","restriction":"GEO_BLOCKED",
                 "territorialScope":["DE","FR"],"ground":"ILLEGAL_CONTENT","legalReference":"StGB §130","termsReference":null,
                 "category":"%s","categoryName":"%s","rabatTestRequired":%s,
                 "facts":"Das Video ruft dazu auf, die genannte Gruppe anzugreifen.","automatedDetection":true,
                 "automatedDecision":false,"decidedAt":"2026-11-20T10:00:00Z","language":"de","requestId":null,
                 "order":%s,"complete":true,"explanation":"Streamly Video blocked your video in Germany and France.",
                 "appealUntil":"2027-05-20T10:00:00Z","canAppeal":%s,"appealId":%s,"claimed":true,
                 "claimedAt":"2026-11-21T08:00:00Z","recordedBy":null,"recordedAt":"2026-11-20T10:05:00Z",
                 "standardsVersion":1}
                """.formatted(id, reference, STREAMLY, category,
                "INCITEMENT_TO_VIOLENCE".equals(category) ? "Incitement to violence" : "Terrorist content",
                "INCITEMENT_TO_VIOLENCE".equals(category), order, canAppeal,
                appealId == null ? "null" : "\"" + appealId + "\"");
    }

    static String appeal(String id, String noticeId, String state, String decision, String escalation,
            String independentDecision, String actions) {
        return """
                {"id":"%s","noticeId":"%s","noticeReference":"N-7K3P-QX2M","companyId":"%s","state":"%s",
                 "statement":"Das Video dokumentiert den Angriff, es ruft nicht dazu auf.","language":"de",
                 "filedAt":"2026-11-22T09:00:00Z","dueAt":"2026-12-06T09:00:00Z","decisionDays":14,
                 "decisionTimeSource":"COMMITMENT","overdue":false,"markedOverdueAt":null,"rabatTestRequired":true,
                 "reviewer":{"subject":null,"username":null,"human":true},"assignedAt":"2026-11-22T10:00:00Z",
                 "decision":%s,"escalation":%s,"independentDecision":%s,"actions":[%s],"version":3}
                """.formatted(id, noticeId, STREAMLY, state, decision, escalation, independentDecision, actions);
    }

    static String decision(String outcome, String reasoning, boolean rabat) {
        return """
                {"outcome":"%s","reasoning":"%s","rabat":%s,"decidedAt":"2026-11-25T09:00:00Z","decidedBy":null,
                 "inTime":true}
                """.formatted(outcome, reasoning, rabat ? """
                {"context":"A tense week after the attack","speaker":"A local news channel","intent":"To inform",
                 "contentAndForm":"Footage with commentary","extent":"Some 2,000 views","likelihood":"Low"}
                """ : "null");
    }

    static String listing(String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"nextPageToken\":null}";
    }

    static final String STANDARDS = """
            {"version":1,"active":true,"contentCategories":[
              {"code":"TERRORIST_CONTENT","name":"Terrorist content","definition":"Material that incites a terrorist offence.",
               "legalReferences":["Regulation (EU) 2021/784 (TCO), Art. 2(7)"],"notCovered":["News reporting on attacks"],"incitement":false},
              {"code":"INCITEMENT_TO_VIOLENCE","name":"Incitement to violence","definition":"Expression that intends and is likely to incite imminent violence.",
               "legalReferences":["ICCPR Art. 20(2)"],"notCovered":["Satire and art"],"incitement":true}]}
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
