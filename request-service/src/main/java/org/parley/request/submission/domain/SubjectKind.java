package org.parley.request.submission.domain;

/** What a subject of a request names: a piece of content by its URL, or an account by its identifier. */
public enum SubjectKind {
    URL,
    ACCOUNT
}
