package org.parley.appeal.notice.domain;

import java.security.SecureRandom;
import java.util.Optional;

/** A notice's public reference, e.g. {@code N-7K3P-QX2M}: what the user quotes, not a secret. */
public record NoticeReference(String value) {

    private static final int LENGTH = 8;

    public static NoticeReference random(SecureRandom random) {
        return new NoticeReference("N-" + Codes.group(Codes.random(random, LENGTH), 4));
    }

    /** Reads a reference as a person may type it ({@code n 7k3p qx2m}); empty when it cannot be one. */
    public static Optional<NoticeReference> parse(String typed) {
        String canonical = Codes.canonical(typed);
        if (canonical.length() != LENGTH + 1 || canonical.charAt(0) != 'N') {
            return Optional.empty();
        }
        String body = canonical.substring(1);
        if (!Codes.fromAlphabet(body)) {
            return Optional.empty();
        }
        return Optional.of(new NoticeReference("N-" + Codes.group(body, 4)));
    }

    @Override
    public String toString() {
        return value;
    }
}
