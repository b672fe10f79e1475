package org.parley.appeal.appeals.domain;

import java.time.Instant;
import org.parley.appeal.shared.domain.Person;
import org.parley.common.check.FieldCheck;

/**
 * A decision as submitted: an outcome, the reasoning (always: never a bare verdict), and the Rabat test
 * when the notice's category is an incitement category.
 */
public record DecisionDraft(Outcome outcome, String reasoning, RabatDraft rabat) {

    public static final int MIN_REASONING = 20;
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_RABAT_PART = 5_000;

    /** The six parts as submitted; any may be missing. */
    public record RabatDraft(String context, String speaker, String intent, String contentAndForm, String extent,
            String likelihood) {}

    public Decision check(boolean rabatRequired, Person by, Instant now) {
        FieldCheck checks = FieldCheck.start();
        checks.required("outcome", outcome);
        checks.text("reasoning", reasoning, MIN_REASONING, MAX_TEXT);
        if (rabat == null) {
            if (rabatRequired) {
                checks.add("rabat", "is required: the category is an incitement category, so the six-part test of the "
                        + "Rabat Plan of Action must be recorded (context, speaker, intent, contentAndForm, extent, likelihood)");
            }
        } else if (rabatRequired || anyGiven(rabat)) {
            checks.text("rabat.context", rabat.context(), MAX_RABAT_PART);
            checks.text("rabat.speaker", rabat.speaker(), MAX_RABAT_PART);
            checks.text("rabat.intent", rabat.intent(), MAX_RABAT_PART);
            checks.text("rabat.contentAndForm", rabat.contentAndForm(), MAX_RABAT_PART);
            checks.text("rabat.extent", rabat.extent(), MAX_RABAT_PART);
            checks.text("rabat.likelihood", rabat.likelihood(), MAX_RABAT_PART);
        }
        checks.orThrow();
        RabatAssessment assessment = rabat == null || !anyGiven(rabat) ? null : new RabatAssessment(
                rabat.context().strip(), rabat.speaker().strip(), rabat.intent().strip(), rabat.contentAndForm().strip(),
                rabat.extent().strip(), rabat.likelihood().strip());
        return new Decision(outcome, reasoning.strip(), assessment, by, now);
    }

    private static boolean anyGiven(RabatDraft r) {
        return given(r.context()) || given(r.speaker()) || given(r.intent()) || given(r.contentAndForm())
                || given(r.extent()) || given(r.likelihood());
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
