package org.parley.appeal.appeals.domain;

/**
 * The Rabat Plan of Action's six-part threshold test for incitement (OHCHR, 2012), recorded with every
 * decision on content in an incitement category.
 */
public record RabatAssessment(String context, String speaker, String intent, String contentAndForm, String extent,
        String likelihood) {}
