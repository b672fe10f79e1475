package org.parley.common.kernel;

/** A service this one depends on could not answer in time, or this service cannot do the work now. */
public final class Unavailable extends ParleyException {

    public Unavailable(String dependency) {
        super("DEPENDENCY_UNAVAILABLE", dependency + " is unavailable; try again shortly");
    }

    private Unavailable(String reason, String message) {
        super(reason, message);
    }

    /** This service itself cannot do the work now, for the reason given (e.g. {@code REPORT_TOO_LARGE}). */
    public static Unavailable because(String reason, String message) {
        return new Unavailable(reason, message);
    }
}
