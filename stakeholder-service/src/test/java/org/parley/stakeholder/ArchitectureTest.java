package org.parley.stakeholder;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainStaysFreeOfFrameworksAndAdapters() {
        ArchitectureRules.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.parley.stakeholder"));
    }
}
