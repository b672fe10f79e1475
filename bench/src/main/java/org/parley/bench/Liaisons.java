package org.parley.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo liaisons that submit in the bench, each a distinct client of the gateway, and the
 * removal orders each files: complete and lawful, so that every one passes the safeguards check
 * and is stored, each naming a video of its own (no deconfliction overlaps).
 */
public final class Liaisons {

    /** The demo company Streamly, which serves Germany and France. */
    public static final String STREAMLY = "01930000-0000-7000-8000-00000000c001";

    private record Liaison(String username, String jurisdiction, String instrument) {}

    private static final List<Liaison> ALL = List.of(
            new Liaison("liaison-de-1@parley.local", "DE", "Regulation (EU) 2021/784"),
            new Liaison("liaison-de-2@parley.local", "DE", "Regulation (EU) 2021/784"),
            new Liaison("liaison-fr@parley.local", "FR", "Regulation (EU) 2021/784"));

    private Liaisons() {
    }

    /** How many distinct liaisons send. */
    public static int count() {
        return ALL.size();
    }

    /** The username of the liaison that sends request {@code sequence}. */
    public static String sender(long sequence) {
        return ALL.get((int) (sequence % ALL.size())).username();
    }

    /** The removal order request {@code sequence} carries, for its sender's jurisdiction. */
    public static Map<String, Object> removalOrder(long sequence) {
        Liaison liaison = ALL.get((int) (sequence % ALL.size()));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("type", "REMOVAL_ORDER");
        order.put("targetCompanyId", STREAMLY);
        order.put("legalBasis", Map.of("instrument", liaison.instrument(), "provision", "Art. 3",
                "jurisdiction", liaison.jurisdiction()));
        order.put("legitimateAim", "PUBLIC_ORDER");
        order.put("necessityStatement", "The video calls for attacks on a named group and is spreading fast; "
                + "removing it is the only measure that stops the harm in time.");
        order.put("proportionalityStatement", "Only this one video is concerned; the account and all other content "
                + "stays online and no user data is asked for.");
        order.put("subjects", List.of(Map.of("kind", "URL", "value", "https://video.example.com/v/" + UUID.randomUUID())));
        order.put("statementOfReasons", "Incitement to violence against a group.");
        return order;
    }
}
