package org.parley.request.shared.domain;

/** One thing a request is about: an exact URL or an account identifier. */
public record Subject(SubjectKind kind, String value) {

    public Subject {
        value = value == null ? null : value.strip();
    }
}
