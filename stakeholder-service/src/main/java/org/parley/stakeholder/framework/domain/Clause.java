package org.parley.stakeholder.framework.domain;

/** One numbered clause of a framework, e.g. {@code OSP-1}. */
public record Clause(String number, String text) {}
