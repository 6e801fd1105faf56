package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
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
 * not in production. The backing classes are found by their {@code MODEL} constant.
 */
class ModelNamesTest {

    static final Map<String, Class<?>> BACKING_CLASSES = backingClasses();

    @Test
    void everyProcessHasATypedBackingClass() {
        assertThat(BACKING_CLASSES.keySet()).containsExactlyInAnyOrder("order-fulfillment.bpmn", "defect-claim.bpmn",
                "return-negotiation.bpmn");
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

    private static Map<String, Class<?>> backingClasses() {
        Map<String, Class<?>> found = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.dropflow")) {
            try {
                Class<?> backing = type.reflect();
                Field model = backing.getDeclaredField("MODEL");
                if (model.getType() == String.class && java.lang.reflect.Modifier.isStatic(model.getModifiers())) {
                    model.setAccessible(true);
                    found.put((String) model.get(null), backing);
                }
            } catch (NoSuchFieldException notABackingClass) {
                // most classes are not
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("cannot read " + type.getName(), e);
            }
        }
        return found;
    }
}
