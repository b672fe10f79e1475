package org.parley.appeal.shared.domain;

import org.parley.common.kernel.Caller;

/** A named human: the token subject (stable) and the username (for people reading the record). */
public record Person(String subject, String username) {

    public static Person of(Caller caller) {
        return new Person(caller.subject(), caller.username());
    }

    public boolean isSameAs(Person other) {
        return other != null && subject.equals(other.subject());
    }
}
