package org.parley.appeal.stakeholders.domain;

/**
 * A category of the standards' content guidance, e.g. {@code INCITEMENT_TO_VIOLENCE}.
 *
 * @param incitement decisions in this category need the Rabat six-part test on appeal
 */
public record ContentCategory(String code, String name, boolean incitement) {}
