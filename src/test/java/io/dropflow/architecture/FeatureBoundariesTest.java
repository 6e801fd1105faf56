package io.dropflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Features talk through each other's public API; the process glue stays in the order feature. */
class FeatureBoundariesTest {

    private static final JavaClasses DROPFLOW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dropflow");

    @Test
    void partnerFeaturesDoNotKnowAboutOrders() {
        noClasses().that().resideInAnyPackage("io.dropflow.supplier..", "io.dropflow.carrier..",
                        "io.dropflow.storefront..", "io.dropflow.settlement..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dropflow.order..")
                .check(DROPFLOW);
    }

    @Test
    void nobodyButTheSandboxUsesTheSandbox() {
        noClasses().that().resideOutsideOfPackages("io.dropflow.sandbox..", "io.dropflow.storefront.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dropflow.sandbox..", "io.dropflow.storefront.sandbox..")
                .check(DROPFLOW);
    }

    @Test
    void onlyProcessClassesAndEngineWiringTalkToTheEngine() {
        noClasses().that().resideOutsideOfPackages("io.dropflow.order.process..", "io.dropflow.processengine..",
                        "io.dropflow.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine..")
                .check(DROPFLOW);
    }

    @Test
    void delegatesDoNotMakeHttpCalls() {
        noClasses().that().resideInAPackage("io.dropflow.order.process..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..", "java.net.http..")
                .check(DROPFLOW);
    }
}
