package org.parley.request.support;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.MutableClock;
import org.parley.common.testkit.TestPostgres;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.parley.request.RequestServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Instances of the service started side by side against one database, with one clock, for the tests
 * of what several instances do at once (the overdue sweep, the event stream).
 */
public final class TwoInstances {

    private TwoInstances() {}

    /** The instances share one database, so one chain and its checkpoints. */
    private static final String CHECKPOINTS = org.parley.common.testkit.PostgresProperties.checkpointDirectory("two-instances");

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));

    /** A test configuration, so that the scan of the tests' own contexts leaves it out. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class SharedClock {
        @Bean
        @Primary
        Clock sharedClock() {
            return CLOCK;
        }
    }

    public static ConfigurableApplicationContext instance(TestPostgres.Database database, String... more) {
        // command-line arguments outrank application.yml (default properties would not)
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--management.server.port=0",
                "--spring.grpc.server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--parley.downstream.stakeholder.address=static://127.0.0.1:" + FakeStakeholderService.get().port(),
                "--parley.downstream.company-events.address=static://127.0.0.1:" + FakeStakeholderService.get().port(),
                "--parley.grpc.service-client-id=",
                "--parley.request.overdue-sweep-initial-delay=PT240H",
                "--parley.request.retention-initial-delay=PT240H",
                "--parley.request.archive-sweep-initial-delay=PT240H",
                "--parley.request.overdue-sweep-batch=7"));
        arguments.addAll(org.parley.common.testkit.PostgresProperties.auditArguments(CHECKPOINTS));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(RequestServiceApplication.class, TestSecurityConfiguration.class, SharedClock.class)
                .run(arguments.toArray(String[]::new));
    }

    public static ApiClient api(ConfigurableApplicationContext instance) {
        return new ApiClient("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port"));
    }
}
