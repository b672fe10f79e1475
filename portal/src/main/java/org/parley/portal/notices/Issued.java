package org.parley.portal.notices;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the user is given when a notice is recorded: it lives in the flash map for the one page
 * view after recording, never in a URL, and is gone when that page has been drawn.
 */
public record Issued(String id, String reference, String accessCode, Instant appealUntil) implements Serializable {
}
