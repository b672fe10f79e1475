package org.parley.portal.admin;

/** The API's answers as stakeholder-service and the services' audit verification write them. */
final class AdminJsonFixtures {

    static final String STREAMLY = "0190a0c0-0000-7000-8000-0000000000c1";
    static final String MINISTRY = "0190a0c0-0000-7000-8000-0000000000a1";
    static final String WATCH = "0190a0c0-0000-7000-8000-0000000000d1";

    private AdminJsonFixtures() {
    }

    static String stakeholder(String id, String kind, String name, String country, String jurisdictions, String status) {
        return """
                {"id":"%s","kind":"%s","name":"%s","country":%s,"jurisdictions":[%s],"status":"%s",
                 "createdAt":"2026-11-02T09:00:00Z","updatedAt":"2026-11-02T09:00:00Z","version":3,"spheres":[],
                 "contactPoint":null}""".formatted(id, kind, name, country == null ? "null" : "\"" + country + "\"",
                jurisdictions, status);
    }

    static String streamly(String status) {
        return stakeholder(STREAMLY, "COMPANY", "Streamly", "IE", "\"IE\",\"DE\"", status);
    }

    static String page(String next, String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"nextPageToken\":" + (next == null ? "null" : "\"" + next + "\"") + "}";
    }

    static String member(String username) {
        return """
                {"id":"kc-%s","username":"%s","email":"%s@streamly.example","firstName":"Rita","lastName":"Responder",
                 "stakeholderId":"%s","roles":["company-responder"],"enabled":true,"createdAt":"2026-11-03T10:00:00Z"}"""
                .formatted(username, username, username, STREAMLY);
    }

    static String provisioned(String password) {
        return """
                {"id":"kc-new-1","username":"nina@streamly.example","email":"nina@streamly.example","firstName":"Nina",
                 "lastName":"Neu","stakeholderId":"%s","roles":["company-responder"],"enabled":true,
                 "createdAt":"2026-12-01T10:00:00Z","passwordSetup":"%s","temporaryPassword":%s}"""
                .formatted(STREAMLY, password == null ? "EMAIL_ACTION" : "TEMPORARY_PASSWORD",
                        password == null ? "null" : "\"" + password + "\"");
    }

    static String framework() {
        return """
                {"id":"0190a0c0-0000-7000-8000-0000000000f1","name":"Christchurch Call",
                 "sourceUrl":"https://www.christchurchcall.org/","description":"Commitments against terrorist content online",
                 "publishedAt":"2026-10-01T08:00:00Z","clauses":[
                   {"number":"OSP-1","text":"Take transparent measures to prevent upload"},
                   {"number":"OSP-2","text":"Provide greater transparency in the setting of community standards"}]}""";
    }

    /** The standards in force, as {@code GET /api/v1/standards/active} answers. */
    static String standards() {
        return """
                {"version":3,"publishedAt":"2026-09-01T08:00:00Z","summary":"Third version","active":true,
                 "contentCategories":[
                   {"code":"TERRORIST_CONTENT","name":"Terrorist content","definition":"Material that incites terrorist offences",
                    "legalReferences":["Regulation (EU) 2021/784 Art. 2(7)"],"notCovered":["News reporting"],"incitement":true},
                   {"code":"VIOLENT_EXTREMISM","name":"Violent extremism","definition":"Glorification of violence",
                    "legalReferences":["ICCPR Art. 20"],"notCovered":["Research"],"incitement":false}],
                 "requestRules":{"minStatementLength":40,"overbreadthSubjectThreshold":50,
                   "judicialAuthorisationRequiredFor":["CONTENT","TRAFFIC"],"maxInformationPeriodDays":365,"maxGagDays":90,
                   "transparencyK":5,"answerTimes":[
                     {"type":"INFORMATION","minutes":14400,"advisory":false},
                     {"type":"REMOVAL_ORDER","minutes":60,"advisory":false},
                     {"type":"REFERRAL","minutes":1440,"advisory":true}],
                   "legitimateAims":["NATIONAL_SECURITY","PUBLIC_ORDER"]}}""";
    }

    static String verification(boolean valid, long records, Long brokenAt) {
        return "{\"valid\":%s,\"records\":%d,\"firstBrokenAt\":%s,\"checkpoints\":2,\"checkpointedThrough\":%d,\"unverifiableCheckpoints\":0}"
                .formatted(valid, records, brokenAt == null ? "null" : brokenAt.toString(), brokenAt == null ? records : brokenAt - 1);
    }
}
