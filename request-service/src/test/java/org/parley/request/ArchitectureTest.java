package org.parley.request;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ArchitectureRules;

class ArchitectureTest {

    @Test
    void keepsTheRulesEveryServiceKeeps() {
        ArchitectureRules.checkService("org.parley.request");
    }

    @Test
    void theEventStreamKnowsRequestsOnlyByTheirIds() {
        noClasses().that().resideInAPackage("org.parley.request.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.parley.request.lifecycle..",
                        "org.parley.request.submission..", "org.parley.request.deadline..")
                .because("the lifecycle tells the outbox what happened, never the other way round")
                .check(ArchitectureRules.productionClasses("org.parley.request"));
    }
}
