package org.parley.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.common.kernel.LogFields;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller's token subject into the MDC of every log line of the request, once Spring
 * Security has checked the token: who did it, without the token, a name or an address.
 */
public final class CallerSubjectFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt) || jwt.getToken().getSubject() == null) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(LogFields.CALLER_SUBJECT, jwt.getToken().getSubject());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogFields.CALLER_SUBJECT);
        }
    }
}
