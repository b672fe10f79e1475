package org.parley.gateway.web;

import org.parley.common.kernel.LogFields;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Once Spring Security has checked the token, its subject ({@code sub}) goes into the Reactor
 * context, from where {@link CallerSubjectAccessor} copies it into the logging MDC of every line of
 * the request, and into an exchange attribute for the access log line. Never the token itself.
 */
@Component
public class CallerSubjectFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the subject of a request with a valid token. */
    public static final String ATTRIBUTE = CallerSubjectFilter.class.getName() + ".subject";

    /** Just after Spring Security's filter chain (order -100). */
    static final int ORDER = -99;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken().getSubject())
                .flatMap(subject -> {
                    exchange.getAttributes().put(ATTRIBUTE, subject);
                    return chain.filter(exchange).contextWrite(context -> context.put(LogFields.CALLER_SUBJECT, subject))
                            .thenReturn(true);
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }
}
