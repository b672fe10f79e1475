package org.parley.request.lifecycle.domain;

/** What a party may do to a request, and which party does it. */
public enum Action {
    CONFIRM(Side.AUTHORITY, "confirm"),
    ACKNOWLEDGE(Side.COMPANY, "acknowledge"),
    ASK_CLARIFICATION(Side.COMPANY, "ask a clarification of"),
    ANSWER_CLARIFICATION(Side.AUTHORITY, "answer a clarification of"),
    FULFIL(Side.COMPANY, "fulfil"),
    PARTIALLY_FULFIL(Side.COMPANY, "partially fulfil"),
    REJECT(Side.COMPANY, "reject"),
    CHALLENGE(Side.COMPANY, "challenge"),
    WITHDRAW(Side.AUTHORITY, "withdraw");

    private final Side side;
    private final String verb;

    Action(Side side, String verb) {
        this.side = side;
        this.verb = verb;
    }

    /** The party whose members may take this action. */
    public Side side() {
        return side;
    }

    /** How the action reads in a sentence: "cannot {verb} a request in state X". */
    public String verb() {
        return verb;
    }
}
