package org.parley.stakeholder;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ArchitectureRules;

class ArchitectureTest {

    @Test
    void keepsTheRulesEveryServiceKeeps() {
        ArchitectureRules.checkService("org.parley.stakeholder");
    }
}
