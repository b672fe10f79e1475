package org.parley.appeal.appeals.domain;

/** What can be done to an appeal once filed. */
public enum AppealAction {
    /** A responder names the human reviewer (again, to hand it to someone else). */
    ASSIGN,
    /** The assigned reviewer decides. */
    DECIDE,
    /** The appellant takes it to an independent reviewer. */
    ESCALATE,
    /** An independent reviewer takes an escalated appeal nobody reviews yet into their review. */
    TAKE_ESCALATION,
    /** The independent reviewer who took it decides. */
    DECIDE_INDEPENDENTLY
}
