package org.parley.appeal.dsa.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One notice as a statement of reasons of the DSA Transparency Database: Parley's fields mapped column by
 * column (see docs/dsa-export.md for why each maps as it does, and what Parley cannot fill). A column Parley
 * has nothing for is empty; a list is written as a JSON array, as the DSA's API takes it.
 */
public final class DsaStatement {

    /** The countries of the EEA, which is all the DSA's territorial_scope names; WORLDWIDE is all of them. */
    public static final List<String> EEA = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI",
            "SK");

    /** Every value of the DSA's enums that this mapping writes, by column: what a test checks an export against. */
    public static final Map<String, Set<String>> ENUMS = Map.of(
            "decision_visibility", Set.of("DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_DISABLED",
                    "DECISION_VISIBILITY_CONTENT_DEMOTED", "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
                    "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED", "DECISION_VISIBILITY_CONTENT_LABELLED",
                    "DECISION_VISIBILITY_OTHER"),
            "decision_account", Set.of("DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED"),
            "decision_ground", Set.of("DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"),
            "category", Set.of("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
                    "STATEMENT_CATEGORY_VIOLENCE", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"),
            "category_specification", Set.of("KEYWORD_TERRORIST_CONTENT", "KEYWORD_INCITEMENT_VIOLENCE_HATRED"),
            "source_type", Set.of("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION",
                    "SOURCE_VOLUNTARY"),
            "automated_detection", Set.of("Yes", "No"),
            "automated_decision", Set.of("AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY",
                    "AUTOMATED_DECISION_NOT_AUTOMATED"),
            "territorial_scope", Set.copyOf(EEA));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** What the export reads of a notice: nothing about the person concerned, the decider or the owner. */
    public record Row(UUID id, String restriction, List<String> territorialScope, String ground, String legalReference,
            String termsReference, String category, String categoryName, String facts, boolean automatedDetection,
            boolean automatedDecision, Instant decidedAt, boolean causedByOrder, String language, String companyName,
            String puid, String reference, Instant recordedAt) {}

    private DsaStatement() {}

    /** The row's value of every column of the full shape, in its order. */
    public static Map<String, String> columns(Row n) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("uuid", n.id().toString());
        c.put("decision_visibility", array(visibility(n.restriction())));
        c.put("decision_visibility_other", "");
        c.put("end_date_visibility_restriction", "");
        c.put("decision_monetary", "");
        c.put("decision_monetary_other", "");
        c.put("end_date_monetary_restriction", "");
        c.put("decision_provision", "");
        c.put("end_date_service_restriction", "");
        c.put("decision_account", "ACCOUNT_SUSPENDED".equals(n.restriction()) ? "DECISION_ACCOUNT_SUSPENDED" : "");
        c.put("end_date_account_restriction", "");
        c.put("account_type", "");
        boolean illegal = "ILLEGAL_CONTENT".equals(n.ground());
        c.put("decision_ground", illegal ? "DECISION_GROUND_ILLEGAL_CONTENT" : "DECISION_GROUND_INCOMPATIBLE_CONTENT");
        c.put("decision_ground_reference_url", "");
        c.put("illegal_content_legal_ground", illegal ? text(n.legalReference()) : "");
        c.put("illegal_content_explanation", illegal ? text(n.facts()) : "");
        c.put("incompatible_content_ground", illegal ? "" : text(n.termsReference()));
        c.put("incompatible_content_explanation", illegal ? "" : text(n.facts()));
        c.put("incompatible_content_illegal", "");
        Category category = category(n.category());
        c.put("category", category.dsa());
        c.put("category_addition", "[]");
        c.put("category_specification", array(category.keywords()));
        c.put("category_specification_other", category.keywords().isEmpty() ? text(n.categoryName()) : "");
        c.put("content_type", "[]");
        c.put("content_type_other", "");
        c.put("content_language", language(n.language()));
        c.put("content_date", "");
        c.put("territorial_scope", array(scope(n.territorialScope())));
        c.put("application_date", TIME.format(n.decidedAt()));
        c.put("decision_facts", text(n.facts()));
        c.put("source_type", n.causedByOrder() ? "SOURCE_TYPE_OTHER_NOTIFICATION" : "SOURCE_VOLUNTARY");
        c.put("source_identity", "");
        c.put("automated_detection", n.automatedDetection() ? "Yes" : "No");
        c.put("automated_decision", n.automatedDecision() ? "AUTOMATED_DECISION_FULLY" : "AUTOMATED_DECISION_NOT_AUTOMATED");
        c.put("platform_name", text(n.companyName()));
        c.put("platform_uid", n.puid() != null ? n.puid() : n.reference());
        c.put("created_at", TIME.format(n.recordedAt()));
        return c;
    }

    static List<String> visibility(String restriction) {
        return switch (restriction) {
            case "REMOVED" -> List.of("DECISION_VISIBILITY_CONTENT_REMOVED");
            // a geo-block disables the content where it applies: territorial_scope says where
            case "DISABLED", "GEO_BLOCKED" -> List.of("DECISION_VISIBILITY_CONTENT_DISABLED");
            case "DEMOTED" -> List.of("DECISION_VISIBILITY_CONTENT_DEMOTED");
            case "AGE_RESTRICTED" -> List.of("DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED");
            // an account suspended restricts the account, not the visibility of one item: decision_account
            default -> List.of();
        };
    }

    record Category(String dsa, List<String> keywords) {}

    static Category category(String code) {
        return switch (code) {
            case "TERRORIST_CONTENT", "GLORIFICATION_OF_ATTACK" ->
                    new Category("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", List.of("KEYWORD_TERRORIST_CONTENT"));
            case "VIOLENT_EXTREMIST_PROPAGANDA" -> new Category("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", List.of());
            case "INCITEMENT_TO_VIOLENCE" ->
                    new Category("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", List.of("KEYWORD_INCITEMENT_VIOLENCE_HATRED"));
            default -> new Category("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", List.of());
        };
    }

    /** WORLDWIDE is the whole EEA; countries outside it are not the DSA database's to name. */
    static List<String> scope(List<String> scope) {
        if (scope.contains("WORLDWIDE")) {
            return EEA;
        }
        return scope.stream().map(code -> "EL".equals(code) ? "GR" : code).filter(EEA::contains).distinct().sorted().toList();
    }

    /** ISO 639-1 in capitals, as the DSA writes it: the primary subtag of Parley's language tag. */
    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String primary = tag.split("-")[0];
        return primary.length() == 2 ? primary.toUpperCase(Locale.ROOT) : "";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String array(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(values.get(i)).append('"');
        }
        return json.append(']').toString();
    }

    /** One CSV record of the given shape (RFC 4180: fields with a comma, quote or line break are quoted). */
    public static String csvLine(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String v = values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                line.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                line.append(v);
            }
        }
        return line.append("\r\n").toString();
    }
}
