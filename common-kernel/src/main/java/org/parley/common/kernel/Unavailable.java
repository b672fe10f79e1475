package org.parley.common.kernel;

/** A service this one depends on could not answer in time. */
public final class Unavailable extends ParleyException {

    public Unavailable(String dependency) {
        super("DEPENDENCY_UNAVAILABLE", dependency + " is unavailable; try again shortly");
    }
}
