package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.Test;

/**
 * Every element id, message name and error code a process's backing class names exists in its
 * model: renaming one in Modeler without the code (or the code without the model) fails here,
 * not in production. Every model in bpmn/ has a backing class naming it in its {@code MODEL} constant.
 */
class ModelNamesTest {

    static final Map<String, Class<?>> BACKING_CLASSES = backingClasses();

    /** A model added to bpmn/ without a backing class (or a backing class naming no model) fails here. */
    @Test
    void everyProcessHasATypedBackingClass() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("bpmn"))) {
            assertThat(BACKING_CLASSES.keySet()).containsExactlyInAnyOrderElementsOf(files
                    .map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".bpmn")).toList());
        }
    }

    @Test
    void everyNameABackingClassUsesExistsInItsModel() {
        List<String> missing = new ArrayList<>();
        BACKING_CLASSES.forEach((file, backing) -> missing.addAll(missingNames(file, backing)));
        assertThat(missing).isEmpty();
    }

    /** The check is not blind: names a model does not have are reported, each kind of them. */
    @Test
    void aNameTheModelDoesNotHaveIsFound() {
        assertThat(missingNames("order-fulfillment.bpmn", Bogus.class)).containsExactlyInAnyOrder(
                "Bogus.Element.NOPE: no element service_that_does_not_exist in order-fulfillment.bpmn",
                "Bogus.Message.NOPE: no message NobodyWaitsForThis in order-fulfillment.bpmn",
                "Bogus.Error.NOPE: no error code NO_SUCH_CODE in order-fulfillment.bpmn");
    }

    static final class Bogus {

        enum Element implements ModelElement {
            REAL, NOPE;

            @Override
            public String id() {
                return this == REAL ? "service_forward_purchase_order" : "service_that_does_not_exist";
            }
        }

        enum Message implements ModelMessage {
            NOPE;

            @Override
            public String messageName() {
                return "NobodyWaitsForThis";
            }
        }

        enum Error implements ModelError {
            NOPE;

            @Override
            public String code() {
                return "NO_SUCH_CODE";
            }
        }
    }

    private static List<String> missingNames(String file, Class<?> backing) {
        List<String> missing = new ArrayList<>();
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", file).toFile());
        List<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName).toList();
        List<String> errors = model.getModelElementsByType(Error.class).stream().map(Error::getErrorCode).toList();
        for (Class<?> nested : backing.getDeclaredClasses()) {
            for (Object constant : nested.isEnum() ? nested.getEnumConstants() : new Object[0]) {
                String where = backing.getSimpleName() + "." + nested.getSimpleName() + "." + constant;
                if (constant instanceof ModelElement element && model.getModelElementById(element.id()) == null) {
                    missing.add(where + ": no element " + element.id() + " in " + file);
                }
                if (constant instanceof ModelMessage message && !messages.contains(message.messageName())) {
                    missing.add(where + ": no message " + message.messageName() + " in " + file);
                }
                if (constant instanceof ModelError error && !errors.contains(error.code())) {
                    missing.add(where + ": no error code " + error.code() + " in " + file);
                }
            }
        }
        return missing;
    }

    /** The processes' backing classes, by the model file each names in its MODEL constant. */
    private static Map<String, Class<?>> backingClasses() {
        Map<String, Class<?>> found = new TreeMap<>();
        for (Class<?> backing : List.of(io.dropflow.order.process.OrderFulfillmentProcess.class,
                io.dropflow.order.process.ConsumerDelayNoticeProcess.class,
                io.dropflow.aftersales.process.AfterSalesParcelProcess.class,
                io.dropflow.claim.process.DefectClaimProcess.class,
                io.dropflow.returns.process.ReturnNegotiationProcess.class,
                io.dropflow.onboarding.process.SupplierOnboardingProcess.class,
                io.dropflow.onboarding.process.OnboardingPapersProcess.class,
                io.dropflow.partners.process.PartnerAttentionProcess.class,
                io.dropflow.groupbuy.process.GroupBuyBatchProcess.class,
                io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.class)) {
            try {
                found.put((String) backing.getField("MODEL").get(null), backing);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(backing.getName() + " names no MODEL", e);
            }
        }
        return found;
    }
}
