package org.parley.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.BindableService;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.testapp.CommonTestApplication;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.TestPostgres;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.lifecycle.GrpcServerShutdownEvent;

/**
 * What a service does when it is told to stop (SIGTERM closes the context): readiness says
 * REFUSING_TRAFFIC first, before the gRPC server stops taking calls and before the HTTP server's
 * graceful shutdown begins, so that whoever still asks the probe takes the instance out of rotation
 * while the calls in flight finish.
 */
class GracefulShutdownIT {

    @Test
    void readinessRefusesTrafficBeforeEitherServerStopsTakingCalls() {
        TestPostgres.Database db = TestPostgres.newDatabase("shutdown");
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--parley.grpc.service-client-secret=common-test-secret"));
        args.addAll(PostgresProperties.auditArguments(PostgresProperties.checkpointDirectory("shutdown")));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonTestApplication.class,
                TestSecurityConfiguration.class, ShutdownWitness.class, AGrpcService.class)
                .run(args.toArray(String[]::new));
        ShutdownWitness witness = context.getBean(ShutdownWitness.class);
        assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
                .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

        context.close();

        assertThat(witness.seen).containsSubsequence(
                "readiness REFUSING_TRAFFIC", "gRPC server shutting down", "HTTP graceful shutdown next, readiness REFUSING_TRAFFIC");
    }

    /** The test application serves no gRPC of its own; a service does, so that its server runs. */
    @Configuration(proxyBeanMethods = false)
    static class AGrpcService {
        @Bean
        BindableService health() {
            return new HealthStatusManager().getHealthService();
        }
    }

    /** Writes down, in order, what happens while the context closes. */
    static class ShutdownWitness implements ApplicationListener<ApplicationEvent>, SmartLifecycle {

        final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final ApplicationAvailability availability;
        private volatile boolean running;

        ShutdownWitness(ApplicationAvailability availability) {
            this.availability = availability;
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof AvailabilityChangeEvent<?> change && change.getState() instanceof ReadinessState state) {
                seen.add("readiness " + state);
            } else if (event instanceof GrpcServerShutdownEvent) {
                seen.add("gRPC server shutting down");
            }
        }

        @Override
        public void start() {
            running = true;
        }

        /** Stopped just before the web server's graceful shutdown (phases stop from the highest down). */
        @Override
        public void stop() {
            seen.add("HTTP graceful shutdown next, readiness " + availability.getReadinessState());
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
        }
    }
}
