package org.parley.common.kernel;

import java.net.URI;
import java.util.Locale;

/**
 * How every Parley problem body (RFC 9457), the gateway's and the services', names what went
 * wrong: a reason in UPPER_SNAKE (a {@link ParleyException#reason()}, or the HTTP status's name
 * when there is no more specific one) in the member {@value #REASON_MEMBER}, and the same reason
 * as the {@code type}, e.g. {@code ILLEGAL_TRANSITION} is {@code urn:parley:problem:illegal-transition}.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:parley:problem:";

    /** The problem member that holds the reason. */
    public static final String REASON_MEMBER = "reason";

    private ProblemTypes() {}

    /** The problem type for a reason, e.g. {@code urn:parley:problem:not-found} for {@code NOT_FOUND}. */
    public static URI of(String reason) {
        return URI.create(PREFIX + reason.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
