package com.orderdesk.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** STYLE.md: dependencies point one way; every module may use shared-events; no module uses another's insides. */
class ArchitectureTest {
    private static JavaClasses classes;
    /** With the tests: a test in another package (the model tests drive the aggregate) is a use as good as any. */
    private static JavaClasses classesAndTests;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.orderdesk");
        classesAndTests = new ClassFileImporter().importPackages("com.orderdesk");
    }

    @Test
    void sharedEventsDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("com.orderdesk.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("com.orderdesk.command..", "com.orderdesk.query..",
                        "com.orderdesk.payment..", "com.orderdesk.notifications..", "com.orderdesk.app..")
                .check(classes);
    }

    @Test
    void sharedEventsIsFreeOfFrameworkRuntime() {
        noClasses().that().resideInAPackage("com.orderdesk.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void modulesDoNotUseEachOthersInsides() {
        slices().matching("com.orderdesk.(command|query|payment|notifications|simulator)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void onlyTheApplicationWiresModules() {
        noClasses().that().resideInAnyPackage("com.orderdesk.command..", "com.orderdesk.query..", "com.orderdesk.payment..", "com.orderdesk.notifications..",
                        "com.orderdesk.simulator..")
                .should().dependOnClassesThat().resideInAPackage("com.orderdesk.app..")
                .check(classes);
    }

    /** The demo's gateway is a stand-in (ADR 001): it speaks YooKassa's API only, knows no order, and nothing but the demo uses it. */
    @Test
    void theGatewaySimulatorStandsApart() {
        noClasses().that().resideInAPackage("com.orderdesk.simulator..")
                .should().dependOnClassesThat(resideInAPackage("com.orderdesk..").and(resideOutsideOfPackage("com.orderdesk.simulator..")))
                .orShould().dependOnClassesThat().resideInAPackage("org.axonframework..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("com.orderdesk.simulator..")
                .should().dependOnClassesThat().resideInAPackage("com.orderdesk.simulator..")
                .check(classes);
    }

    /** The aggregate decides from its own events only; only the web layer may wait for read models (read your writes). */
    @Test
    void theAggregateDecidesWithoutReadingViews() {
        noClasses().that().resideInAnyPackage("com.orderdesk.command.order..", "com.orderdesk.command.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.queryhandling..",
                        "com.orderdesk.shared.order.query..")
                .check(classes);
    }

    @Test
    void modulesNeverTouchSecurityTypes() {
        noClasses().that().resideInAnyPackage("com.orderdesk.command..", "com.orderdesk.query..", "com.orderdesk.payment..", "com.orderdesk.notifications..",
                        "com.orderdesk.shared..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("security types (not its web utilities)",
                        c -> c.getPackageName().startsWith("org.springframework.security")
                                && !c.getPackageName().startsWith("org.springframework.security.web.util")))
                .check(classes);
    }

    private static final String[] MODULES = {"com.orderdesk.command..", "com.orderdesk.query..", "com.orderdesk.payment..",
            "com.orderdesk.notifications..", "com.orderdesk.simulator.."};

    /**
     * The application assembles the modules through their entry points only: a class of a module's root package (its
     * configuration) or one marked {@link com.orderdesk.shared.ModuleApi}; a module's other packages are its own.
     */
    @Test
    void theApplicationUsesOnlyTheModulesEntryPoints() {
        noClasses().that().resideInAPackage("com.orderdesk.app..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a module's insides (neither its root package nor @ModuleApi)", ArchitectureTest::isModuleInside))
                .check(classes);
    }

    /**
     * Public only when another package needs it: a module's public class is used from outside its package (by code or
     * a test), or is an entry point.
     */
    @Test
    void aModulesClassesArePublicOnlyWhenAnotherPackageUsesThem() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAnyPackage(MODULES).and().arePublic()
                .and().areTopLevelClasses().and(com.tngtech.archunit.base.DescribedPredicate.describe("main code", type -> classes.contain(type.getName())))
                .should(new com.tngtech.archunit.lang.ArchCondition<>("be used from another package, or be an entry point") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass type, com.tngtech.archunit.lang.ConditionEvents events) {
                        boolean usedElsewhere = type.getDirectDependenciesToSelf().stream()
                                .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
                        if (!usedElsewhere && !isEntryPoint(type) && !SERVICE_LOADED.contains(type.getName())) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(type, type.getName()
                                    + " is public, but nothing outside " + type.getPackageName() + " uses it: make it package-private"));
                        }
                    }
                })
                .check(classesAndTests);
    }

    /** Classes a library loads by name ({@code META-INF/services}): public, as the ServiceLoader needs. */
    private static final java.util.Set<String> SERVICE_LOADED = serviceLoaded();

    private static java.util.Set<String> serviceLoaded() {
        try {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (org.springframework.core.io.Resource file : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/services/*")) {
                try (java.io.InputStream in = file.getInputStream()) {
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(line -> line.startsWith("com.orderdesk.")).forEach(names::add);
                }
            }
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isModuleInside(com.tngtech.archunit.core.domain.JavaClass type) {
        String name = type.getPackageName();
        java.util.regex.Matcher module = java.util.regex.Pattern.compile("com\\.orderdesk\\.(command|query|payment|notifications|simulator)(\\..*)?")
                .matcher(name);
        if (!module.matches()) {
            return false;
        }
        return module.group(2) != null && !isEntryPoint(type);
    }

    private static boolean isEntryPoint(com.tngtech.archunit.core.domain.JavaClass type) {
        com.tngtech.archunit.core.domain.JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.isAnnotatedWith(com.orderdesk.shared.ModuleApi.class)
                || outer.getPackageName().matches("com\\.orderdesk\\.(command|query|payment|notifications|simulator)");
    }
}
