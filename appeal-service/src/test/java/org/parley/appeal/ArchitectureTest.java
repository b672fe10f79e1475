package org.parley.appeal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ArchitectureRules;

class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses("org.parley.appeal");

    @Test
    void keepsTheRulesEveryServiceKeeps() {
        ArchitectureRules.checkService("org.parley.appeal");
    }

    @Test
    void theSharedVocabularyKnowsNoFeature() {
        noClasses().that().resideInAPackage("org.parley.appeal.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.parley.appeal.appeals..", "org.parley.appeal.claim..", "org.parley.appeal.deadline..",
                        "org.parley.appeal.notice..", "org.parley.appeal.order..", "org.parley.appeal.privacy..",
                        "org.parley.appeal.retention..", "org.parley.appeal.stakeholders..",
                        "org.parley.appeal.transparency..")
                .because("every feature may use shared, so shared stays beneath them all")
                .check(CLASSES);
    }

    @Test
    void theDownstreamAdaptersKnowNoFeature() {
        noClasses().that().resideInAnyPackage("org.parley.appeal.stakeholders..", "org.parley.appeal.order..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.parley.appeal.appeals..", "org.parley.appeal.claim..", "org.parley.appeal.deadline..",
                        "org.parley.appeal.notice..", "org.parley.appeal.retention..",
                        "org.parley.appeal.transparency..", "org.parley.appeal.shared..")
                .because("stakeholders and order only speak for stakeholder- and request-service; "
                        + "the features ask them through their domain ports")
                .check(CLASSES);
    }
}
