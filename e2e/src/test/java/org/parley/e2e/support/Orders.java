package org.parley.e2e.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests as a German liaison files them in the system tests: complete, nothing blocks. */
public final class Orders {

    /** The demo company Streamly. */
    public static final String STREAMLY = "01930000-0000-7000-8000-00000000c001";

    private Orders() {
    }

    /** A removal order to Streamly for one video; mutable, so a test can change a field. */
    public static Map<String, Object> removalOrder(String video) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("type", "REMOVAL_ORDER");
        order.put("targetCompanyId", STREAMLY);
        order.put("legalBasis", Map.of("instrument", "Regulation (EU) 2021/784", "provision", "Art. 3", "jurisdiction", "DE"));
        order.put("legitimateAim", "PUBLIC_ORDER");
        order.put("necessityStatement", "The video calls for attacks on a named group and is spreading fast; "
                + "removing it is the only measure that stops the harm in time.");
        order.put("proportionalityStatement", "Only this one video is concerned; the account and all other content stay "
                + "online and no user data is asked for.");
        order.put("subjects", List.of(Map.of("kind", "URL", "value", video)));
        order.put("statementOfReasons", "Incitement to violence against a group, StGB §130.");
        return order;
    }

    /** A removal order to Streamly for a video of its own. */
    public static Map<String, Object> removalOrder() {
        return removalOrder("https://video.example.com/v/" + UUID.randomUUID());
    }
}
