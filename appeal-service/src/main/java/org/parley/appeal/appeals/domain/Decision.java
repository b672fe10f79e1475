package org.parley.appeal.appeals.domain;

import java.time.Instant;
import org.parley.appeal.shared.domain.Person;

/** A decision on an appeal: by the company's reviewer, or by the independent reviewer. */
public record Decision(Outcome outcome, String reasoning, RabatAssessment rabat, Person by, Instant at) {}
