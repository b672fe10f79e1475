package org.parley.portal.web;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The language each signed-in person last chose, kept in the portal's own database under the
 * subject of their account, so that it follows them to another browser or device. A visitor
 * has none: their choice lives in the cookie alone.
 */
@Component
public class RememberedLanguages {

    private static final Logger log = LoggerFactory.getLogger(RememberedLanguages.class);

    private final JdbcClient jdbc;

    public RememberedLanguages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The subject of the signed-in person, or {@code null} for a visitor. */
    static String subject(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof OidcUser user
                ? user.getSubject() : null;
    }

    /** Their language, if they chose one; none when the database cannot say (the page falls back to the browser's). */
    public Optional<Locale> of(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        try {
            return jdbc.sql("SELECT language FROM portal_language WHERE subject = ?")
                    .param(subject)
                    .query(String.class)
                    .optional()
                    .map(Locale::forLanguageTag);
        } catch (DataAccessException e) {
            log.warn("cannot read the remembered language: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps their choice; a choice that cannot be kept still holds on this device (the cookie). */
    public void remember(String subject, Locale language) {
        if (subject == null) {
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO portal_language (subject, language, changed_at) VALUES (?, ?, now())
                    ON CONFLICT (subject) DO UPDATE SET language = EXCLUDED.language, changed_at = EXCLUDED.changed_at
                    """)
                    .param(subject)
                    .param(language.toLanguageTag())
                    .update();
        } catch (DataAccessException e) {
            log.warn("cannot remember the language chosen: {}", e.getMessage());
        }
    }
}
