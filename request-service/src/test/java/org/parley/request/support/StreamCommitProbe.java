package org.parley.request.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost of the filters: records, for every request that went asynchronous (an event stream), whether
 * its response was committed by the time the request's own thread left the filters. A response not yet
 * committed then is one whose headers the stream's thread and the security filters may touch at once.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StreamCommitProbe {

    public static final List<Boolean> COMMITTED_WHEN_LEFT = new CopyOnWriteArrayList<>();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> streamCommitProbe() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, response);
                if (request.isAsyncStarted()) {
                    COMMITTED_WHEN_LEFT.add(response.isCommitted());
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
