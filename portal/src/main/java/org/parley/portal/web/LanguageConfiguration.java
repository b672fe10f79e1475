package org.parley.portal.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.PortalProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The page's language: the one chosen with {@code ?lang=} (remembered in a cookie), else the
 * best of the browser's languages that the portal offers, else the first one offered.
 */
@Configuration(proxyBeanMethods = false)
public class LanguageConfiguration implements WebMvcConfigurer {

    public static final String PARAMETER = "lang";

    private final PortalProperties properties;

    public LanguageConfiguration(PortalProperties properties) {
        this.properties = properties;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("PARLEY_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocaleFunction(this::fromBrowser);
        return resolver;
    }

    private Locale fromBrowser(HttpServletRequest request) {
        List<Locale.LanguageRange> wanted = request.getHeader("Accept-Language") == null ? List.of()
                : safeParse(request.getHeader("Accept-Language"));
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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String wanted = request.getParameter(PARAMETER);
                if (wanted != null) {
                    Locale chosen = Locale.forLanguageTag(wanted);
                    // only the languages offered; anything else is ignored
                    properties.languages().stream()
                            .filter(offered -> offered.getLanguage().equals(chosen.getLanguage()))
                            .findFirst()
                            .ifPresent(offered -> localeResolver().setLocale(request, response, offered));
                }
                return true;
            }
        });
    }
}
