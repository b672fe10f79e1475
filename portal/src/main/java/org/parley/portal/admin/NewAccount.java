package org.parley.portal.admin;

import java.io.Serializable;
import java.util.List;

/**
 * A freshly provisioned account as its page shows it once: it lives in the flash map for the one
 * page view after provisioning, never in a URL, and is gone when that page has been drawn.
 * {@code temporaryPassword} is null when the identity provider e-mails a link instead.
 */
public record NewAccount(String stakeholderId, String accountId, String username, String email, String name,
        List<String> roles, String passwordSetup, String temporaryPassword) implements Serializable {

    public NewAccount {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
