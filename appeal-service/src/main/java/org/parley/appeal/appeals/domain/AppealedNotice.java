package org.parley.appeal.appeals.domain;

import java.util.UUID;
import org.parley.appeal.shared.domain.Person;

/**
 * What an appeal needs to know of its notice: the reference people quote, who took the original decision
 * (never its reviewer), and whether its category needs the Rabat test.
 */
public record AppealedNotice(UUID id, String reference, Person originalDecider, boolean rabatRequired) {}
