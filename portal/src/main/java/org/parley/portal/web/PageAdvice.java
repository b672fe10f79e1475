package org.parley.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.parley.portal.PortalProperties;
import org.parley.portal.signin.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Gives every template its {@link Page} as the model attribute {@code page}. */
@ControllerAdvice
public class PageAdvice {

    private final MessageSource messages;
    private final PortalProperties properties;

    public PageAdvice(MessageSource messages, PortalProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    @ModelAttribute("page")
    public Page page(HttpServletRequest request) {
        return of(request);
    }

    public Page of(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String path = (String) request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        if (path == null) {
            path = request.getRequestURI();
        }
        return new Page(messages, RequestContextUtils.getLocale(request), properties.languages(),
                Viewer.of(SecurityContextHolder.getContext().getAuthentication()),
                csrf, path, request.getQueryString());
    }
}
