package org.parley.appeal.notice.web;

import java.util.Locale;
import org.parley.appeal.notice.domain.PlainWords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Which language a statement of reasons is read in: the caller's {@code Accept-Language}, by its weights,
 * among English, French, German and Arabic, whatever the region ({@code de-CH} reads German); anything
 * else, or no header, reads English. The answer says which with {@code Content-Language}, and
 * {@code Vary: Accept-Language} keeps a cache from handing one person's language to another.
 */
@Configuration(proxyBeanMethods = false)
public class ExplanationLanguages {

    /** What the OpenAPI document says of {@code Accept-Language} on the answers that carry a statement. */
    public static final String WANTED = "The language to read the statement of reasons in: en, fr, de or ar "
            + "(any region, by weight); anything else, or none, reads en. Only Parley's words are translated: the "
            + "company's facts and references are quoted as written, in the notice's `language`.";

    /** ... and of {@code Content-Language}. */
    public static final String GIVEN = "The language of `explanation` and `explanationParts` (also "
            + "`explanationLanguage`): en, fr, de or ar";

    /** The resolver behind every {@link Locale} argument of a controller. */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(PlainWords.LANGUAGES);
        resolver.setDefaultLocale(PlainWords.LANGUAGES.getFirst());
        return resolver;
    }

    /** Labels an answer that carries statements in plain words with their language. */
    public static <B extends ResponseEntity.HeadersBuilder<B>> B labelled(B answer, Locale language) {
        return answer.header(HttpHeaders.CONTENT_LANGUAGE, PlainWords.language(language).toLanguageTag())
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE);
    }
}
