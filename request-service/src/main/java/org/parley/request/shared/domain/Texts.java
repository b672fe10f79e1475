package org.parley.request.shared.domain;

/** Small text helpers: blank means absent. */
public final class Texts {

    private Texts() {}

    /** The text without surrounding white space, or null when nothing is left. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
