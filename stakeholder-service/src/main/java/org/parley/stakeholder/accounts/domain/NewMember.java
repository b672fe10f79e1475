package org.parley.stakeholder.accounts.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import org.parley.common.check.FieldCheck;

/**
 * A person an admin provisions for a stakeholder. The identity provider requires e-mail, first and
 * last name before an account may log in. Everyone signs in with their address, staff included, so
 * the username is the e-mail address: a username given beside it must be that same address.
 */
public record NewMember(String username, String email, String firstName, String lastName) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{2,99}");
    public static final int MAX_NAME = 100;

    /** The member with trimmed fields and the lower-case address as username; a RuleViolation naming every broken field. */
    public NewMember checked() {
        FieldCheck check = FieldCheck.start();
        check.email("email", email);
        String address = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        if (address != null && !USERNAME.matcher(address).matches()) {
            check.add("email", "must be at most 100 characters of a-z, 0-9, '.', '_', '+', '@' or '-'");
        }
        if (username != null && !username.isBlank() && !username.strip().equalsIgnoreCase(email == null ? "" : email.strip())) {
            check.add("username", "is the e-mail address (accounts sign in with it): leave it out or give the same address");
        }
        check.text("firstName", firstName, MAX_NAME);
        check.text("lastName", lastName, MAX_NAME);
        check.orThrow();
        return new NewMember(address, email.strip(), firstName.strip(), lastName.strip());
    }
}
