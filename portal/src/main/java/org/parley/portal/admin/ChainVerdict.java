package org.parley.portal.admin;

import org.parley.portal.api.ApiService;

/**
 * One service's audit chain as the desk shows it: its verification, or why there is none
 * (the service could not be reached, or refused with {@code refusedWith}).
 */
public record ChainVerdict(ApiService service, AdminJson.Verification verification, boolean unavailable,
        Integer refusedWith) {

    public boolean broken() {
        return verification != null && !verification.valid();
    }
}
