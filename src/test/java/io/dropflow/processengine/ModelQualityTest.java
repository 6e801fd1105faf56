package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every model in bpmn/ must be, checked without starting the application. */
class ModelQualityTest {

    private static final Pattern GENERATED_ID = Pattern.compile("^(Activity|Event|Gateway|Flow|StartEvent|EndEvent|Task|SequenceFlow)_[0-9a-z]{5,}$");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{(\\w+)}");

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn"));
    }

    private static BpmnModelInstance read(Path model) {
        return Bpmn.readModelFromFile(model.toFile());
    }

    @ParameterizedTest
    @MethodSource("models")
    void parsesAndIsExecutableWithHistoryTimeToLive(Path model) {
        BpmnModelInstance bpmn = read(model);
        Bpmn.validateModel(bpmn);
        for (Process process : bpmn.getModelElementsByType(Process.class)) {
            assertThat(process.isExecutable()).as(process.getId() + " executable").isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId() + " historyTimeToLive").isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void elementIdsMeanSomethingAndEveryNodeIsDrawn(Path model) {
        BpmnModelInstance bpmn = read(model);
        List<String> drawn = bpmn.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).toList();
        for (BaseElement element : bpmn.getModelElementsByType(BaseElement.class)) {
            if (element.getId() != null) {
                assertThat(element.getId()).as("id in " + model).doesNotMatch(GENERATED_ID);
            }
        }
        for (FlowNode node : bpmn.getModelElementsByType(FlowNode.class)) {
            assertThat(drawn).as(node.getId() + " has a shape in the diagram").contains(node.getId());
        }
    }

    /** Bean names of the delegates marked {@link CallsPartner} (FeatureBoundariesTest finds unmarked ones). */
    private static List<String> partnerCallingDelegates() {
        return new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.dropflow").stream()
                .filter(c -> c.isAnnotatedWith(CallsPartner.class)
                        && c.isAnnotatedWith(org.springframework.stereotype.Component.class))
                .map(c -> c.getAnnotationOfType(org.springframework.stereotype.Component.class).value())
                .toList();
    }

    /** Waits allowed without a deadline, each with the reason why. None today: keep it that way. */
    private static final Map<String, String> WAITS_WITHOUT_DEADLINE_YET = Map.of();

    /** Every wait for a partner or a person has a deadline: a timer on it, in its event gateway, or on its subprocess. */
    @ParameterizedTest
    @MethodSource("models")
    void everyWaitForAPartnerOrAPersonHasADeadline(Path model) {
        BpmnModelInstance bpmn = read(model);
        List<String> missing = new java.util.ArrayList<>();
        for (FlowNode wait : bpmn.getModelElementsByType(FlowNode.class)) {
            boolean isWait = wait instanceof UserTask || wait instanceof EventBasedGateway
                    || (wait instanceof IntermediateCatchEvent catchEvent
                            && !catchEvent.getEventDefinitions().stream().allMatch(d -> d instanceof TimerEventDefinition)
                            && catchEvent.getIncoming().stream().noneMatch(f -> f.getSource() instanceof EventBasedGateway));
            if (isWait && !hasDeadline(wait) && !WAITS_WITHOUT_DEADLINE_YET.containsKey(wait.getId())) {
                missing.add(wait.getId());
            }
        }
        assertThat(missing).as("waits without a deadline in " + model).isEmpty();
    }

    private static boolean hasDeadline(FlowNode wait) {
        Collection<BoundaryEvent> boundaries = wait.getModelInstance().getModelElementsByType(BoundaryEvent.class);
        if (wait instanceof UserTask task) {
            boolean timeoutListener = task.getExtensionElements() != null && task.getExtensionElements()
                    .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                    .anyMatch(l -> "timeout".equals(l.getCamundaEvent()));
            if (timeoutListener || timerOn(boundaries, task)) {
                return true;
            }
        }
        if (wait instanceof EventBasedGateway gateway && gateway.getOutgoing().stream().anyMatch(f -> f.getTarget()
                instanceof IntermediateCatchEvent e && e.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition))) {
            return true;
        }
        for (ModelElementInstance scope = wait.getParentElement(); scope instanceof SubProcess sub; scope = sub.getParentElement()) {
            if (timerOn(boundaries, sub)) {
                return true;
            }
        }
        return false;
    }

    private static boolean timerOn(Collection<BoundaryEvent> boundaries, Activity activity) {
        return boundaries.stream().anyMatch(b -> b.getAttachedTo() == activity
                && b.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition));
    }

    /** So that a model added later cannot go untested: some test class enforces its coverage floor. */
    @ParameterizedTest
    @MethodSource("models")
    void aProcessTestEnforcesTheModelsCoverageFloor(Path model) throws IOException {
        String call = "ProcessCoverage.assertCovered(engine, \"" + model.getFileName() + "\"";
        try (Stream<Path> tests = Files.walk(Path.of("src", "test", "java"))) {
            assertThat(tests.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> contains(p, call)))
                    .as("a test calls " + call + ", ...)").isTrue();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same rule as Camunda Modeler's linter (bpmnlint no-overlapping-elements), touching edges included. */
    @ParameterizedTest
    @MethodSource("models")
    void shapesInTheSameScopeDoNotOverlap(Path model) {
        BpmnModelInstance bpmn = read(model);
        List<BpmnShape> shapes = bpmn.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() instanceof FlowNode && !(s.getBpmnElement() instanceof BoundaryEvent))
                .toList();
        for (BpmnShape a : shapes) {
            for (BpmnShape b : shapes) {
                FlowNode first = (FlowNode) a.getBpmnElement();
                FlowNode second = (FlowNode) b.getBpmnElement();
                if (first.getId().compareTo(second.getId()) < 0 && first.getParentElement() == second.getParentElement()) {
                    assertThat(overlap(a.getBounds(), b.getBounds()))
                            .as(first.getId() + " overlaps " + second.getId() + " in " + model).isFalse();
                }
            }
        }
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() <= b.getX() + b.getWidth() && b.getX() <= a.getX() + a.getWidth()
                && a.getY() <= b.getY() + b.getHeight() && b.getY() <= a.getY() + a.getHeight();
    }

    @ParameterizedTest
    @MethodSource("models")
    void userTasksHaveAFormAndAGroup(Path model) {
        for (UserTask task : read(model).getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaDueDate()).as(task.getId() + " due date (Tasklist sorts by it)").isNotBlank();
            assertThat(task.getCamundaPriority()).as(task.getId() + " priority").isNotBlank();
            assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " candidate group").isNotBlank();
            assertThat(task.getCamundaFormRef()).as(task.getId() + " formRef").isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(task.getId() + " formRefBinding").isEqualTo("deployment");
            assertThat(Path.of("forms", ModelDeployment.formFileName(task.getCamundaFormRef())))
                    .as(task.getId() + " form file").exists();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void serviceTasksThatCallPartnersAreAsynchronousWithARetryCycle(Path model) {
        List<String> partnerCalls = partnerCallingDelegates();
        assertThat(partnerCalls).contains("forwardPurchaseOrder", "refundConsumer");
        for (ServiceTask task : read(model).getModelElementsByType(ServiceTask.class)) {
            Matcher bean = DELEGATE.matcher(String.valueOf(task.getCamundaDelegateExpression()));
            assertThat(bean.matches()).as(task.getId() + " uses a delegate bean").isTrue();
            if (partnerCalls.contains(bean.group(1))) {
                assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " asyncBefore").isTrue();
                assertThat(task.getExtensionElements().getDomElement().getTextContent()).as(task.getId() + " retry cycle")
                        .matches("\\s*R\\d+/PT\\d+[MS]\\s*");
            }
        }
    }
}
