package org.parley.appeal.support;

import java.util.UUID;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.TestTokens;

/** Someone calling the API in a test: their username, token subject and bearer token. */
public record Actor(String username, String subject, String bearer) {

    public static Actor of(String username, String stakeholderId, Role... roles) {
        return new Actor(username, UUID.nameUUIDFromBytes(username.getBytes()).toString(),
                TestTokens.bearer(username, stakeholderId, roles));
    }
}
