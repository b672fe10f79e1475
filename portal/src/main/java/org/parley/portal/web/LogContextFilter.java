package org.parley.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.common.kernel.CorrelationId;
import org.parley.common.kernel.LogFields;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line of a page request carries the gateway's correlation id and, for a signed-in
 * person, their subject (Keycloak's opaque id of the account; never a name or an address). Runs
 * after Spring Security (a filter bean's default order), which has restored the session's sign-in.
 */
@Component
class LogContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put(LogFields.CORRELATION_ID, CorrelationId.keepOrNew(request.getHeader(CorrelationId.HEADER)));
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser person && person.getSubject() != null) {
            MDC.put(LogFields.CALLER_SUBJECT, person.getSubject());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogFields.CORRELATION_ID);
            MDC.remove(LogFields.CALLER_SUBJECT);
        }
    }
}
