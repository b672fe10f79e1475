package org.parley.portal.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.PortalProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The page's language, of those the portal offers: the one chosen with {@code ?lang=}
 * (remembered in a cookie, and for a signed-in person in the portal's database too), else the
 * one the signed-in person chose before on any device, else the best of the browser's
 * languages, else the first one offered.
 */
public class PageLanguage extends CookieLocaleResolver {

    public static final String COOKIE = "PARLEY_LANG";

    private final PortalProperties properties;
    private final RememberedLanguages remembered;

    public PageLanguage(PortalProperties properties, RememberedLanguages remembered) {
        super(COOKIE);
        this.properties = properties;
        this.remembered = remembered;
        setCookieMaxAge(Duration.ofDays(365));
        setCookieSameSite("Lax");
        setCookieHttpOnly(true);
        setDefaultLocaleFunction(this::withoutCookie);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        // a cookie from when the portal offered other languages falls back like no cookie
        Locale resolved = super.resolveLocale(request);
        return offered(resolved).orElseGet(() -> withoutCookie(request));
    }

    /** The person's choice of {@code ?lang=}: ignored unless offered; remembered for them when signed in. */
    public void choose(HttpServletRequest request, HttpServletResponse response, String wanted) {
        offered(Locale.forLanguageTag(wanted)).ifPresent(language -> {
            setLocale(request, response, language);
            remembered.remember(RememberedLanguages.subject(currentAuthentication()), language);
        });
    }

    /**
     * Right after sign-in: the language the person chose before, on any device, applies here
     * too; a person with none yet keeps the one they chose on this device before signing in.
     */
    public void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        String subject = RememberedLanguages.subject(authentication);
        Optional<Locale> before = remembered.of(subject).flatMap(this::offered);
        if (before.isPresent()) {
            setLocale(request, response, before.get());
        } else if (WebUtils.getCookie(request, COOKIE) != null) {
            offered(super.resolveLocale(request)).ifPresent(chosen -> remembered.remember(subject, chosen));
        }
    }

    /** The offered language with the same language code, if there is one. */
    Optional<Locale> offered(Locale wanted) {
        if (wanted == null || wanted.getLanguage().isEmpty()) {
            return Optional.empty();
        }
        return properties.languages().stream()
                .filter(offered -> offered.getLanguage().equals(wanted.getLanguage()))
                .findFirst();
    }

    private Locale withoutCookie(HttpServletRequest request) {
        return remembered.of(RememberedLanguages.subject(currentAuthentication())).flatMap(this::offered)
                .orElseGet(() -> fromBrowser(request));
    }

    private Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        List<Locale.LanguageRange> wanted = header == null ? List.of() : safeParse(header);
        Locale match = Locale.lookup(wanted, properties.languages());
        return match != null ? match : properties.defaultLanguage();
    }

    private static List<Locale.LanguageRange> safeParse(String header) {
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return Collections.emptyList();
        }
    }

    private static Authentication currentAuthentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
