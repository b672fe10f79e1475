package org.parley.portal.api;

/** The page answers 404: the thing does not exist, or the person may not see it. */
public final class NotFoundPage extends RuntimeException {
    public NotFoundPage() {
        super("not found", null, false, false);
    }
}
