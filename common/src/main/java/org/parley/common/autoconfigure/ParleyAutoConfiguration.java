package org.parley.common.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.parley.common.downstream.DownstreamSettings;
import org.parley.common.downstream.Downstreams;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.parley.common.audit.AuditConfiguration;
import org.parley.common.grpc.BearerTokenServerInterceptor;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.parley.common.grpc.GrpcErrors;
import org.parley.common.grpc.ParleyGrpcProperties;
import org.parley.common.grpc.ServiceTokens;
import org.parley.common.idempotency.IdempotencyFilter;
import org.parley.common.idempotency.IdempotentEffects;
import org.parley.common.idempotency.IdempotencyKeyPurge;
import org.parley.common.openapi.ApiDocumentConfiguration;
import org.parley.common.outbox.CompanyEventSettings;
import org.parley.common.security.CallerArgumentResolver;
import org.parley.common.security.HttpSecurityConfiguration;
import org.parley.common.security.ParleySecurityProperties;
import org.parley.common.web.BodySizeLimitFilter;
import org.parley.common.web.CallerSubjectFilter;
import org.parley.common.web.CorrelationIdFilter;
import org.parley.common.web.ProblemDetailsAdvice;
import org.parley.common.web.Problems;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** What every Parley service shares: security, errors, audit, idempotency, gRPC plumbing, the OpenAPI document. */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties({ParleySecurityProperties.class, ParleyGrpcProperties.class, CompanyEventSettings.class})
@Import({HttpSecurityConfiguration.class, ProblemDetailsAdvice.class, AuditConfiguration.class,
        ApiDocumentConfiguration.class})
public class ParleyAutoConfiguration implements WebMvcConfigurer {

    /** Just after Spring Security's filter chain (order -100), so the caller is known. */
    private static final int AFTER_SECURITY = -90;

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Every service's database also holds the audit trail and the idempotency keys. Their versions
     * (1.0.x) sort before the service's own (2 and up), so a common migration added later arrives
     * "out of order" in databases that already have the service's: it is applied, not refused.
     */
    @Bean
    FlywayConfigurationCustomizer parleyCommonMigrations() {
        return flyway -> {
            List<Location> locations = new ArrayList<>(List.of(flyway.getLocations()));
            locations.add(new Location("classpath:db/parley-common"));
            flyway.locations(locations.toArray(Location[]::new)).outOfOrder(true);
        };
    }

    @Bean
    Problems problems(JsonMapper json) {
        return new Problems(json);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Just after Spring Security, so that the checked token's subject is known; before the idempotency filter. */
    @Bean
    FilterRegistrationBean<CallerSubjectFilter> callerSubjectFilter() {
        FilterRegistrationBean<CallerSubjectFilter> registration = new FilterRegistrationBean<>(new CallerSubjectFilter());
        registration.setOrder(AFTER_SECURITY - 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${parley.web.max-body-size:1MB}") DataSize max, Problems problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(max, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc, Problems problems,
            // twice the gateway's response timeout: no client still waits for an answer this late
            @Value("${parley.idempotency.in-progress-timeout:PT30S}") Duration inProgressTimeout) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, problems, inProgressTimeout));
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }

    /**
     * A null inside a list or a map of a request body is refused (400 naming the field) instead of
     * reaching the domain, which takes lists to hold values.
     */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer nullsInsideListsRefused() {
        return builder -> builder.changeDefaultNullHandling(
                nulls -> nulls.withContentNulls(com.fasterxml.jackson.annotation.Nulls.FAIL));
    }

    /** Spring Boot hands every such listener to the transaction manager it configures. */
    @Bean
    IdempotentEffects idempotentEffects(JdbcClient jdbc) {
        return new IdempotentEffects(jdbc);
    }

    @Bean
    IdempotencyKeyPurge idempotencyKeyPurge(JdbcClient jdbc) {
        return new IdempotencyKeyPurge(jdbc);
    }

    @Bean
    @GlobalServerInterceptor
    @Order(Ordered.HIGHEST_PRECEDENCE)
    BearerTokenServerInterceptor bearerTokenServerInterceptor(JwtDecoder decoder) {
        return new BearerTokenServerInterceptor(decoder);
    }

    @Bean
    @GlobalClientInterceptor
    CallerForwardingClientInterceptor callerForwardingClientInterceptor(ParleyGrpcProperties grpc,
            ParleySecurityProperties security) {
        if (!grpc.hasServiceClient()) {
            return new CallerForwardingClientInterceptor(grpc.deadline(), Optional::empty);
        }
        ServiceTokens tokens = new ServiceTokens(security.tokenUri(), grpc.serviceClientId(), grpc.serviceClientSecret());
        return new CallerForwardingClientInterceptor(grpc.deadline(), tokens);
    }

    /** The downstream-client kit: one {@code parley.downstream.<name>} block per service this one calls. */
    @Bean
    Downstreams downstreams(Environment environment, GrpcChannelFactory channels, RetryRegistry retries,
            CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, ParleyGrpcProperties grpc, Clock clock) {
        Map<String, DownstreamSettings> settings = Binder.get(environment)
                .bind("parley.downstream", Bindable.mapOf(String.class, DownstreamSettings.class))
                .orElse(Map.of());
        return new Downstreams(settings, channels, retries, breakers, bulkheads, grpc.deadline(), clock);
    }

    @Bean
    GrpcErrors grpcErrors(@Value("${spring.application.name}") String service) {
        return new GrpcErrors(service);
    }
}
