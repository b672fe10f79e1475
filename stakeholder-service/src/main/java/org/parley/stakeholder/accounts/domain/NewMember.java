package org.parley.stakeholder.accounts.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import org.parley.common.check.FieldCheck;

/**
 * A person an admin provisions for a stakeholder. The identity provider requires e-mail, first and
 * last name before an account may log in; the username defaults to the e-mail address.
 */
public record NewMember(String username, String email, String firstName, String lastName) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,99}");
    public static final int MAX_NAME = 100;

    /** The member with trimmed fields and a lower-case username; a RuleViolation naming every broken field. */
    public NewMember checked() {
        FieldCheck check = FieldCheck.start();
        check.email("email", email);
        String name = username == null || username.isBlank() ? email : username;
        String normalised = name == null ? null : name.strip().toLowerCase(Locale.ROOT);
        if (normalised != null && !USERNAME.matcher(normalised).matches()) {
            check.add("username", "must be 3 to 100 characters of a-z, 0-9, '.', '_', '@' or '-'");
        }
        check.text("firstName", firstName, MAX_NAME);
        check.text("lastName", lastName, MAX_NAME);
        check.orThrow();
        return new NewMember(normalised, email.strip(), firstName.strip(), lastName.strip());
    }
}
