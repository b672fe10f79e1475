package org.parley.common.kernel;

/** Nothing there, or nothing the caller may see: the two are deliberately indistinguishable. */
public final class NotFound extends ParleyException {

    public NotFound(String what, String id) {
        super(what.toUpperCase(java.util.Locale.ROOT).replace(' ', '_') + "_NOT_FOUND", "No " + what + " " + id);
    }
}
