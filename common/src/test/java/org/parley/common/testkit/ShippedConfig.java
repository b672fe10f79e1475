package org.parley.common.testkit;

import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A context that reads the configuration a service ships with (its {@code application.yml} and what that
 * imports), in the given profiles, and none of the values the tests give the service elsewhere
 * ({@code config/application.yml} of the test resources): for tests of a service started without a
 * setting its environment must supply.
 */
public final class ShippedConfig {

    private ShippedConfig() {}

    public static ApplicationContextRunner inProfiles(String... profiles) {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.config.location=classpath:/application.yml");
        return profiles.length == 0 ? runner : runner.withPropertyValues("spring.profiles.active=" + String.join(",", profiles));
    }
}
