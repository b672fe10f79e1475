package org.parley.request.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JSON bodies of requests as a liaison's client sends them; each test changes what it is about. */
public final class Bodies {

    public static final String NECESSITY = "The video calls for attacks on a named group and is spreading fast; "
            + "removing it is the only measure that stops the harm in time.";
    public static final String PROPORTIONALITY = "Only this one video is concerned; the account and all other "
            + "content stay online and no user data is asked for.";

    private Bodies() {}

    public static Map<String, Object> removalOrder(UUID company) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "REMOVAL_ORDER");
        body.put("targetCompanyId", company.toString());
        body.put("legalBasis", Map.of("instrument", "Regulation (EU) 2021/784", "provision", "Art. 3", "jurisdiction", "DE"));
        body.put("legitimateAim", "PUBLIC_ORDER");
        body.put("necessityStatement", NECESSITY);
        body.put("proportionalityStatement", PROPORTIONALITY);
        body.put("subjects", List.of(Map.of("kind", "URL", "value", "https://video.example.com/v/" + UUID.randomUUID())));
        body.put("statementOfReasons", "Incitement to violence, StGB §130.");
        return body;
    }

    public static Map<String, Object> referral(UUID company, String url) {
        Map<String, Object> body = removalOrder(company);
        body.put("type", "REFERRAL");
        body.put("subjects", List.of(Map.of("kind", "URL", "value", url)));
        return body;
    }

    public static Map<String, Object> information(UUID company, LocalDate from, LocalDate to, String... categories) {
        Map<String, Object> body = removalOrder(company);
        body.put("type", "INFORMATION");
        body.put("legalBasis", Map.of("instrument", "Regulation (EU) 2022/2065", "provision", "Art. 10", "jurisdiction", "DE"));
        body.put("subjects", List.of(Map.of("kind", "ACCOUNT", "value", "user-" + UUID.randomUUID())));
        body.put("dataCategories", List.of(categories));
        body.put("period", Map.of("from", from.toString(), "to", to.toString()));
        return body;
    }

    public static Map<String, Object> emergency(UUID company) {
        Map<String, Object> body = removalOrder(company);
        body.put("type", "EMERGENCY_DISCLOSURE");
        body.put("legalBasis", Map.of("instrument", "Strafprozessordnung", "provision", "§ 100j", "jurisdiction", "DE"));
        body.put("subjects", List.of(Map.of("kind", "ACCOUNT", "value", "user-" + UUID.randomUUID())));
        body.put("dataCategories", List.of("SUBSCRIBER"));
        return body;
    }

    public static Map<String, Object> fulfilled(String actionTakenAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", "FULFILLED");
        body.put("reasonCodes", List.of());
        body.put("explanation", "The video was removed for all users.");
        body.put("actionTakenAt", actionTakenAt);
        return body;
    }
}
