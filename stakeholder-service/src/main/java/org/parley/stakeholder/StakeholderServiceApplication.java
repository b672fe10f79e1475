package org.parley.stakeholder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Who takes part in Parley, what they control and commit to, and the shared standards. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StakeholderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StakeholderServiceApplication.class, args);
    }
}
