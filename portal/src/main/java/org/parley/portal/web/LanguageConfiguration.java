package org.parley.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.portal.PortalProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The page's language ({@link PageLanguage}) and the switch {@code ?lang=} every page offers. */
@Configuration(proxyBeanMethods = false)
public class LanguageConfiguration implements WebMvcConfigurer {

    public static final String PARAMETER = "lang";

    private final ObjectProvider<PageLanguage> language;

    public LanguageConfiguration(ObjectProvider<PageLanguage> language) {
        this.language = language;
    }

    /** Named so, the DispatcherServlet resolves every request's locale with it. */
    @Bean(name = "localeResolver")
    static PageLanguage localeResolver(PortalProperties properties, RememberedLanguages remembered) {
        return new PageLanguage(properties, remembered);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String wanted = request.getParameter(PARAMETER);
                if (wanted != null) {
                    language.getObject().choose(request, response, wanted);
                }
                return true;
            }
        });
    }
}
