package org.parley.request.archive.domain;

/** What the archive took out of a subject before publishing it; each is counted on the public record. */
public enum RedactionKind {
    /** An account identifier, replaced; the platform or domain it belongs to is kept when the subject names one. */
    ACCOUNT_ID,
    /** The user name and password part of a URL ({@code alice:secret@host}). */
    URL_USER_INFO,
    /** A port other than the scheme's default (it can point at one person's own server). */
    URL_PORT,
    /** Labels of a host that may name a person ({@code alice.blog.example}, {@code alice.github.io}). */
    URL_HOST,
    /** A host given as an IP address, which can be one person's connection. */
    URL_IP_ADDRESS,
    /** The path of a URL, when it has a segment: it names the content, and often its author. */
    URL_PATH,
    /** The query of a URL. */
    URL_QUERY,
    /** The fragment of a URL. */
    URL_FRAGMENT,
    /** A subject that could not be read as a URL: nothing of it is shown. */
    UNREADABLE,
    /** A subject already erased at the end of its retention: nothing of it was left to publish. */
    ERASED
}
