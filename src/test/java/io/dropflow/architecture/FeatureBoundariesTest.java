package io.dropflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import io.dropflow.carrier.CarrierAdapter;
import io.dropflow.carrier.ReturnLabels;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.supplier.SupplierGateway;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Features talk through each other's public API; the process glue stays in the order feature. */
class FeatureBoundariesTest {

    private static final JavaClasses DROPFLOW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dropflow");

    /**
     * Not only modules (ModularityTests): no two packages depend on each other, so a feature's API
     * knows nothing of its internals and its internals nothing of its process glue.
     */
    @Test
    void noPackageCycles() {
        slices().matching("io.dropflow.(**)").should().beFreeOfCycles().check(DROPFLOW);
    }

    @Test
    void partnerFeaturesDoNotKnowAboutOrders() {
        noClasses().that().resideInAnyPackage("io.dropflow.supplier..", "io.dropflow.carrier..",
                        "io.dropflow.storefront..", "io.dropflow.settlement..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dropflow.order..")
                .check(DROPFLOW);
    }

    @Test
    void nobodyButTheSandboxUsesTheSandbox() {
        noClasses().that().resideOutsideOfPackages("io.dropflow..sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dropflow..sandbox..")
                .check(DROPFLOW);
    }

    @Test
    void onlyProcessClassesAndEngineWiringTalkToTheEngine() {
        noClasses().that().resideOutsideOfPackages("io.dropflow..process..", "io.dropflow.processengine..",
                        "io.dropflow.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine..")
                .check(DROPFLOW);
    }

    @Test
    void delegatesDoNotMakeHttpCalls() {
        noClasses().that().resideInAPackage("io.dropflow..process..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..", "java.net.http..")
                .check(DROPFLOW);
    }

    /** A delegate that reaches a partner must say so: ModelQualityTest then requires async + retries on its tasks. */
    @Test
    void delegatesThatCallPartnersSaySo() {
        DescribedPredicate<JavaClass> callAPartner = new DescribedPredicate<>("call a partner") {
            @Override
            public boolean test(JavaClass delegate) {
                return delegate.getMethodCallsFromSelf().stream().anyMatch(call -> {
                    JavaClass owner = call.getTargetOwner();
                    return owner.isAssignableTo(SupplierGateway.class) || owner.isAssignableTo(StorefrontGateway.class)
                            || owner.isAssignableTo(CarrierAdapter.class) || owner.isAssignableTo(ReturnLabels.class)
                            || call.getTarget().resolveMember().map(m -> m.isAnnotatedWith(CallsPartner.class)).orElse(false);
                });
            }
        };
        classes().that().implement(JavaDelegate.class).and(callAPartner).should().beAnnotatedWith(CallsPartner.class)
                .check(DROPFLOW);
    }
}
