package org.parley.request.shared.domain;

/** What a subject of a request names: a piece of content by its URL, or an account by its identifier. */
public enum SubjectKind {
    URL,
    ACCOUNT
}
