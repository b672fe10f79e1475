package org.parley.request;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ArchitectureRules;

class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.parley.request");

    @Test
    void domainStaysFreeOfFrameworksAndAdapters() {
        ArchitectureRules.check(CLASSES);
    }

    @Test
    void generatedContractsStayInTheGrpcAdapters() {
        noClasses().that().resideOutsideOfPackage("..grpc..")
                .should().dependOnClassesThat().resideInAPackage("org.parley.api..")
                .because("proto types are mapped to the domain in the gRPC adapters only")
                .check(CLASSES);
    }

    @Test
    void theEventStreamKnowsRequestsOnlyByTheirIds() {
        noClasses().that().resideInAPackage("org.parley.request.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.parley.request.lifecycle..",
                        "org.parley.request.submission..", "org.parley.request.deadline..")
                .because("the lifecycle tells the outbox what happened, never the other way round")
                .check(CLASSES);
    }
}
