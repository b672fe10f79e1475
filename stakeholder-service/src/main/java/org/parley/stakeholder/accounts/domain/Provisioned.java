package org.parley.stakeholder.accounts.domain;

import java.util.Optional;

/** A freshly provisioned member and, in development only, its one-time temporary password. */
public record Provisioned(Member member, PasswordSetup passwordSetup, Optional<String> temporaryPassword) {}
