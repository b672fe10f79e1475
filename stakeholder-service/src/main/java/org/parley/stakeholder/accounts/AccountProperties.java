package org.parley.stakeholder.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How members get their first password.
 *
 * @param temporaryPasswords development only (no mail is delivered there): answer a one-time
 *                           temporary password instead of having the identity provider e-mail a
 *                           set-password link
 */
@ConfigurationProperties("parley.accounts")
public record AccountProperties(boolean temporaryPasswords) {}
