package org.parley.appeal.order.domain;

/** The law a government order rests on. */
public record LegalBasis(String instrument, String provision, String jurisdiction) {}
