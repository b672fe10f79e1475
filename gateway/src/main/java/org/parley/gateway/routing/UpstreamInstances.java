package org.parley.gateway.routing;

import java.net.URI;
import java.util.List;

import org.parley.gateway.GatewayProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The instances Spring Cloud LoadBalancer balances over: for each upstream, the
 * {@code instances} of its settings, a fixed list. Loaded in the load balancer's own context
 * of each service id ({@code request-service}, ...), hence not a {@code @Configuration}: it must
 * not be picked up by the component scan.
 */
class UpstreamInstances {

    /**
     * The configured instances, less those whose health check fails (every second, see
     * application.yml): an instance that stops leaves the rotation within a second, so that the
     * retries of a request that met its closed port go to one that answers. When none is
     * healthy, all are offered and the circuit breaker answers.
     */
    @Bean
    ServiceInstanceListSupplier configuredInstances(Environment environment, GatewayProperties properties,
            org.springframework.context.ConfigurableApplicationContext context) {
        String serviceId = LoadBalancerClientFactory.getName(environment);
        Upstreams upstream = Upstreams.byServiceName(serviceId);
        List<URI> instances = upstream == null ? List.of()
                : RouteConfiguration.settings(properties, upstream).instances();
        ServiceInstanceListSupplier configured = ServiceInstanceListSuppliers.from(serviceId, instances.stream()
                .map(uri -> instance(serviceId, uri))
                .toArray(ServiceInstance[]::new));
        return ServiceInstanceListSupplier.builder().withBase(configured)
                .withHealthChecks(org.springframework.web.reactive.function.client.WebClient.create())
                .build(context);
    }

    private static ServiceInstance instance(String serviceId, URI uri) {
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "@" + uri.getHost() + ":" + port, serviceId, uri.getHost(), port,
                secure);
    }
}
