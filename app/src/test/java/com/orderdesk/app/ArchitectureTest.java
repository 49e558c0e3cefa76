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

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.orderdesk");
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
}
