package org.parley.common.kernel;

/** The thing is not in a state that allows this (illegal transition, stale version, duplicate). */
public final class Conflict extends ParleyException {

    public Conflict(String reason, String message) {
        super(reason, message);
    }
}
