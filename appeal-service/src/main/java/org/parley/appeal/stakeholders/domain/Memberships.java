package org.parley.appeal.stakeholders.domain;

import java.util.UUID;

/** Whether an account acts for a company as its responder, from stakeholder-service (which asks the identity provider). */
public interface Memberships {

    Membership check(UUID company, String subject);

    /** The answer: a member (with their username), not a member, or stakeholder-service could not be asked. */
    sealed interface Membership {

        record Member(String username) implements Membership {}

        record NotMember() implements Membership {}

        record Unknown() implements Membership {}
    }
}
