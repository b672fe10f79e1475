package org.parley.common.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

/** The layering every service keeps: the domain knows neither Spring, gRPC, JDBC nor the web. */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    public static final ArchRule DOMAIN_IS_FREE_OF_FRAMEWORKS = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "io.grpc..", "com.google.protobuf..", "org.parley.api..",
                    "java.sql..", "javax.sql..", "jakarta..", "tools.jackson..", "com.fasterxml.jackson..")
            .as("the domain imports neither Spring, gRPC, generated contracts, JDBC nor the web");

    public static final ArchRule DOMAIN_DOES_NOT_KNOW_ADAPTERS = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..grpc..", "..jdbc..")
            .as("the domain does not know its adapters");

    public static void check(JavaClasses classes) {
        DOMAIN_IS_FREE_OF_FRAMEWORKS.check(classes);
        DOMAIN_DOES_NOT_KNOW_ADAPTERS.check(classes);
    }
}
