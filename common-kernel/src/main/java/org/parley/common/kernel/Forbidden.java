package org.parley.common.kernel;

/** The caller is known and may see the thing, but may not do this to it. */
public final class Forbidden extends ParleyException {

    public Forbidden(String message) {
        super("FORBIDDEN", message);
    }
}
