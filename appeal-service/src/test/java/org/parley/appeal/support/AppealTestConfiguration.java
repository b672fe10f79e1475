package org.parley.appeal.support;

import org.parley.common.testkit.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The clock every test moves by hand; it is the service's only {@code Clock}. */
@TestConfiguration(proxyBeanMethods = false)
public class AppealTestConfiguration {

    @Bean
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
