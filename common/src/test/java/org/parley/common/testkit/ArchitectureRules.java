package org.parley.common.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules every service keeps, the same in all three: each service's {@code ArchitectureTest}
 * calls {@link #checkService(String)} with its base package and adds only rules of its own.
 *
 * <ul>
 *   <li>features ({@code org.parley.<service>.<feature>}) depend on each other in one direction:
 *       no cycles; what several features share lives in the service's {@code shared} package;</li>
 *   <li>a domain imports only from a whitelist: the JDK, its own and other features' domains, the
 *       service's {@code shared} package and the Spring-free parts of {@code common};</li>
 *   <li>generated gRPC contracts are mapped in {@code grpc} adapters only;</li>
 *   <li>the web adapters do not reach the database.</li>
 * </ul>
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** The parts of {@code common} a domain may use: free of Spring, gRPC, JDBC and the web. */
    public static final List<String> SPRING_FREE_COMMON = List.of(
            "org.parley.common.kernel..", "org.parley.common.paging..", "org.parley.common.check..",
            "org.parley.common.transparency..");

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

    public static final ArchRule GENERATED_CONTRACTS_IN_GRPC_ONLY = noClasses()
            .that().resideOutsideOfPackage("..grpc..")
            .should().dependOnClassesThat().resideInAPackage("org.parley.api..")
            .because("proto types are mapped to the domain in the gRPC adapters only");

    public static final ArchRule WEB_DOES_NOT_USE_JDBC = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("..jdbc..", "org.springframework.jdbc..", "java.sql..")
            .because("a controller goes through its feature's service, which owns the transaction");

    /** Whitelist: what a domain class of {@code basePackage} may depend on. */
    public static ArchRule domainImportsOnlyTheWhitelist(String basePackage) {
        String[] allowed = Stream.concat(
                        Stream.of("java..", "javax.crypto..", basePackage + "..domain..", basePackage + ".shared.."),
                        SPRING_FREE_COMMON.stream())
                .toArray(String[]::new);
        return classes().that().resideInAPackage(basePackage + "..domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .as("a domain of " + basePackage + " imports only the JDK, domains, its service's shared "
                        + "vocabulary and the Spring-free parts of common");
    }

    /** Features of {@code basePackage} ({@code basePackage.<feature>..}) depend on each other in one direction. */
    public static ArchRule featuresAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .as("the features of " + basePackage + " depend on each other in one direction");
    }

    /** The production classes of a service, its tests left out. */
    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Every rule above, for the service under {@code basePackage}, e.g. {@code org.parley.request}. */
    public static void checkService(String basePackage) {
        JavaClasses classes = productionClasses(basePackage);
        DOMAIN_IS_FREE_OF_FRAMEWORKS.check(classes);
        DOMAIN_DOES_NOT_KNOW_ADAPTERS.check(classes);
        domainImportsOnlyTheWhitelist(basePackage).check(classes);
        GENERATED_CONTRACTS_IN_GRPC_ONLY.check(classes);
        WEB_DOES_NOT_USE_JDBC.check(classes);
        featuresAreFreeOfCycles(basePackage).check(classes);
    }

    /** The layering rules alone, for code that has no features of its own (common's test application). */
    public static void check(JavaClasses classes) {
        DOMAIN_IS_FREE_OF_FRAMEWORKS.check(classes);
        DOMAIN_DOES_NOT_KNOW_ADAPTERS.check(classes);
    }
}
