package org.parley.appeal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Notices and appeals: every removal explained to the person it affects, an appeal to a human
 * reviewer of the company, and escalation to an independent body beyond it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AppealServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AppealServiceApplication.class, args);
    }
}
