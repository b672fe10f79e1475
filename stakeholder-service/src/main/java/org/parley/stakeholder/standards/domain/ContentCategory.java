package org.parley.stakeholder.standards.domain;

import java.util.List;

/**
 * A category of the content guidance: what it is, the law it rests on, and what it does not cover
 * (news reporting, research, counter-speech…). {@code incitement} categories need the Rabat six-part
 * test when an appeal is reviewed.
 */
public record ContentCategory(String code, String name, String definition, List<String> legalReferences,
        List<String> notCovered, boolean incitement) {

    public ContentCategory {
        legalReferences = List.copyOf(legalReferences);
        notCovered = List.copyOf(notCovered);
    }
}
