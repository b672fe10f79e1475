package org.parley.appeal.dsa.domain;

import java.util.List;
import java.util.Set;

/**
 * The two shapes of the DSA Transparency Database's daily dumps: "full", every column, and "light", the same
 * without the long free-text columns. The column names and their order are the DSA's.
 */
public enum DsaShape {

    FULL, LIGHT;

    /** Every column of the full dump, in its order. */
    public static final List<String> FULL_COLUMNS = List.of(
            "uuid", "decision_visibility", "decision_visibility_other", "end_date_visibility_restriction",
            "decision_monetary", "decision_monetary_other", "end_date_monetary_restriction", "decision_provision",
            "end_date_service_restriction", "decision_account", "end_date_account_restriction", "account_type",
            "decision_ground", "decision_ground_reference_url", "illegal_content_legal_ground",
            "illegal_content_explanation", "incompatible_content_ground", "incompatible_content_explanation",
            "incompatible_content_illegal", "category", "category_addition", "category_specification",
            "category_specification_other", "content_type", "content_type_other", "content_language", "content_date",
            "territorial_scope", "application_date", "decision_facts", "source_type", "source_identity",
            "automated_detection", "automated_decision", "platform_name", "platform_uid", "created_at");

    /** The free-text columns the light dump leaves out. */
    static final Set<String> LONG_TEXT = Set.of(
            "decision_visibility_other", "decision_monetary_other", "decision_ground_reference_url",
            "illegal_content_legal_ground", "illegal_content_explanation", "incompatible_content_ground",
            "incompatible_content_explanation", "category_specification_other", "content_type_other", "decision_facts",
            "source_identity");

    public List<String> columns() {
        return this == FULL ? FULL_COLUMNS : FULL_COLUMNS.stream().filter(c -> !LONG_TEXT.contains(c)).toList();
    }

    /** {@code full} or {@code light}, as in the file's name. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
