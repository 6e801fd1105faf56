package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.Gateway;
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
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every model in bpmn/ must be, checked without starting the application. */
class ModelQualityTest {

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

    /**
     * Every Dropflow process is started by Dropflow's own code with its typed variables (an order, a claim, a return, an
     * application): started by hand from Tasklist's "Start process" it had none and failed into an incident, or a 500
     * quoting an expression (s14 judge, defect 9). So none is offered there.
     */
    @ParameterizedTest
    @MethodSource("models")
    void noProcessIsOfferedInTasklistsStartProcess(Path model) {
        for (Process process : read(model).getModelElementsByType(Process.class)) {
            assertThat(process.isCamundaStartableInTasklist()).as(process.getId()
                    + ": camunda:isStartableInTasklist=\"false\" on its bpmn:process").isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void elementIdsMeanSomethingAndEveryNodeIsDrawn(Path model) {
        BpmnModelInstance bpmn = read(model);
        List<String> drawn = bpmn.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).toList();
        assertThat(ModelRules.generatedIds(bpmn).stream().map(BaseElement::getId)).as("generated ids in " + model).isEmpty();
        for (FlowNode node : bpmn.getModelElementsByType(FlowNode.class)) {
            assertThat(drawn).as(node.getId() + " has a shape in the diagram").contains(node.getId());
        }
    }

    /** Bean names of the delegates marked {@link CallsPartner} (FeatureBoundariesTest finds unmarked ones). */
    private static List<String> partnerCallingDelegates() {
        return PartnerCallingDelegates.BEANS;
    }

    /** Imported once for all models: importing the classes took a second or two per model. */
    private static final class PartnerCallingDelegates {
        static final List<String> BEANS = importBeans();
    }

    private static List<String> importBeans() {
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

    /**
     * Every wait for a partner or a person has a deadline: a timer on it, in its event gateway, or on its subprocess
     * ({@link ModelRules}, which a person's deployment is held to as well).
     */
    @ParameterizedTest
    @MethodSource("models")
    void everyWaitForAPartnerOrAPersonHasADeadline(Path model) {
        assertThat(ModelRules.waitsWithoutDeadline(read(model)).stream().map(FlowNode::getId)
                .filter(id -> !WAITS_WITHOUT_DEADLINE_YET.containsKey(id)))
                .as("waits without a deadline in " + model).isEmpty();
    }

    /** No step is an external task: Dropflow runs no external worker ({@link ModelRules}, exploratory test s18 H9). */
    @ParameterizedTest
    @MethodSource("models")
    void noStepIsAnExternalTask(Path model) {
        assertThat(ModelRules.externalTasks(read(model)).stream().map(BaseElement::getId))
                .as("external tasks in " + model).isEmpty();
    }

    /** Every task, event and splitting gateway is named (docs/modeling.md); a gateway that only merges is not. */
    @ParameterizedTest
    @MethodSource("models")
    void everyStepAndSplitIsNamed(Path model) {
        assertThat(read(model).getModelElementsByType(FlowNode.class).stream()
                .filter(n -> n.getName() == null || n.getName().isBlank())
                .filter(n -> !(n instanceof org.camunda.bpm.model.bpmn.instance.Gateway) || n.getOutgoing().size() > 1)
                .map(BaseElement::getId))
                .as("unnamed steps, events and splits in " + model).isEmpty();
    }

    /** Modeler and Cockpit show an element's name as written: a name is words, never an expression. */
    @ParameterizedTest
    @MethodSource("models")
    void namesAreWordsNotExpressions(Path model) {
        assertThat(read(model).getModelElementsByType(FlowNode.class).stream()
                .filter(n -> n.getName() != null && n.getName().contains("${")).map(BaseElement::getId))
                .as("elements named by an expression in " + model).isEmpty();
    }

    /**
     * A deadline drawn on the canvas is the analyst's: its duration or date comes from a decision table or a model
     * property through a variable, never a literal written into the timer (a group-buy receipt's PT12H, a restock
     * wait's P1D). The one exception is a timeout listener's PT0S, which is not a deadline (ADR 22).
     */
    @ParameterizedTest
    @MethodSource("models")
    void drawnDeadlinesTakeTheirTimeFromTheTables(Path model) {
        List<String> literal = new ArrayList<>();
        for (TimerEventDefinition timer : read(model).getModelElementsByType(TimerEventDefinition.class)) {
            if (!(timer.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Event event)) {
                continue; // a task listener's timeout
            }
            Stream.of(timer.getTimeDuration(), timer.getTimeDate(), timer.getTimeCycle())
                    .filter(java.util.Objects::nonNull)
                    .filter(e -> !e.getTextContent().trim().startsWith("${"))
                    .forEach(e -> literal.add(event.getId() + " (" + e.getTextContent().trim() + ")"));
        }
        assertThat(literal).as("timers with a literal time in " + model).isEmpty();
    }

    /**
     * Tasklist's due date is the moment the task's drawn deadline fires: a user task with a timer on its border has
     * {@code ${taskDeadline.after(x)}} beside a timer of {@code ${x}}, or the timer's own date expression.
     */
    @ParameterizedTest
    @MethodSource("models")
    void aTasksDueDateIsItsDrawnDeadline(Path model) {
        assertThat(ModelRules.dueDatesOffTheirDeadline(read(model)))
                .as("user tasks whose due date is not their drawn deadline in " + model).isEmpty();
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
        BpmnModelInstance bpmn = read(model);
        // A step that asks a decision table is drawn as a business rule task (its icon says so): checked the same way.
        for (var task : Stream.concat(bpmn.getModelElementsByType(ServiceTask.class).stream(),
                bpmn.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BusinessRuleTask.class).stream()).toList()) {
            String delegate = task instanceof ServiceTask s ? s.getCamundaDelegateExpression()
                    : ((org.camunda.bpm.model.bpmn.instance.BusinessRuleTask) task).getCamundaDelegateExpression();
            Matcher bean = DELEGATE.matcher(String.valueOf(delegate));
            assertThat(bean.matches()).as(task.getId() + " uses a delegate bean").isTrue();
            if (partnerCalls.contains(bean.group(1))) {
                assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " asyncBefore").isTrue();
                assertThat(task.getExtensionElements().getDomElement().getTextContent()).as(task.getId() + " retry cycle")
                        .matches("\\s*R\\d+/PT\\d+[MS]\\s*");
            }
        }
    }

    /**
     * A deadline is drawn (a boundary timer an analyst sees and edits), never a timeout task listener.
     * The one timeout listener allowed is none: the form's facts written at once after the task exists
     * ({@code ${prepareTaskForm}} after {@code PT0S}, ADR 22).
     */
    @ParameterizedTest
    @MethodSource("models")
    void deadlinesAreBoundaryTimersNotTimeoutListeners(Path model) {
        List<String> hidden = new ArrayList<>();
        for (UserTask task : read(model).getModelElementsByType(UserTask.class)) {
            if (task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaTaskListener.class).list().stream()
                    .anyMatch(l -> "timeout".equals(l.getCamundaEvent()) && !ModelRules.preparesTheFormAtOnce(l))) {
                hidden.add(task.getId());
            }
        }
        assertThat(hidden).as("user tasks with a timeout listener as deadline in " + model).isEmpty();
    }

    /** No rule hides on a sequence flow: a listener there (its event is "take") is a visible step or a decision output instead. */
    @ParameterizedTest
    @MethodSource("models")
    void noListenerHidesOnASequenceFlow(Path model) {
        List<String> hidden = new ArrayList<>();
        for (SequenceFlow flow : read(model).getModelElementsByType(SequenceFlow.class)) {
            if (flow.getExtensionElements() != null && !flow.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaExecutionListener.class).list().isEmpty()) {
                hidden.add(flow.getId());
            }
        }
        assertThat(hidden).as("sequence flows with a take listener in " + model).isEmpty();
    }

    /** Within one process (its subprocesses included) no two elements share a name: an analyst tells them apart. */
    @ParameterizedTest
    @MethodSource("models")
    void namesAreUniqueWithinAProcess(Path model) {
        BpmnModelInstance bpmn = read(model);
        for (Process process : bpmn.getModelElementsByType(Process.class)) {
            Map<String, List<String>> byName = new HashMap<>();
            for (FlowNode node : bpmn.getModelElementsByType(FlowNode.class)) {
                if (node.getName() != null && !node.getName().isBlank() && processOf(node) == process) {
                    byName.computeIfAbsent(node.getName().trim().replaceAll("\\s+", " "), n -> new ArrayList<>())
                            .add(node.getId());
                }
            }
            byName.values().removeIf(ids -> ids.size() < 2);
            assertThat(byName).as("names used twice in " + process.getId() + " (" + model + ")").isEmpty();
        }
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance scope = element.getParentElement();
        while (scope != null && !(scope instanceof Process)) {
            scope = scope.getParentElement();
        }
        return (Process) scope;
    }

    /** A label covers no shape but its own element's and no other label (DI bounds, per diagram). */
    @ParameterizedTest
    @MethodSource("models")
    void labelsOverlapNeitherShapesNorOtherLabels(Path model) {
        BpmnModelInstance bpmn = read(model);
        List<String> overlaps = new ArrayList<>();
        List<BpmnLabel> labels = bpmn.getModelElementsByType(BpmnLabel.class).stream()
                .filter(l -> l.getBounds() != null).toList();
        List<BpmnShape> shapes = bpmn.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> !(s.getBpmnElement() instanceof SubProcess && Boolean.TRUE.equals(s.isExpanded())))
                .filter(s -> !(s.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.Participant))
                .filter(s -> !(s.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.Lane))
                .toList();
        for (BpmnLabel label : labels) {
            ModelElementInstance owner = label.getParentElement();
            BaseElement labelled = owner instanceof BpmnShape shape ? shape.getBpmnElement()
                    : ((BpmnEdge) owner).getBpmnElement();
            for (BpmnShape shape : shapes) {
                if (shape != owner && shape.getParentElement() == owner.getParentElement()
                        && strictlyOverlap(label.getBounds(), shape.getBounds())) {
                    overlaps.add("label of " + labelled.getId() + " over " + shape.getBpmnElement().getId());
                }
            }
            for (BpmnLabel other : labels.subList(labels.indexOf(label) + 1, labels.size())) {
                ModelElementInstance otherOwner = other.getParentElement();
                if (otherOwner.getParentElement() == owner.getParentElement()
                        && strictlyOverlap(label.getBounds(), other.getBounds())) {
                    BaseElement otherLabelled = otherOwner instanceof BpmnShape shape ? shape.getBpmnElement()
                            : ((BpmnEdge) otherOwner).getBpmnElement();
                    overlaps.add("label of " + labelled.getId() + " over label of " + otherLabelled.getId());
                }
            }
        }
        assertThat(overlaps).as("overlapping labels in " + model).isEmpty();
    }

    /**
     * Every named event, gateway and sequence flow has its label placed (DI bounds). Without them
     * Camunda Modeler puts the text at a default place, which on a crowded plane lies over task
     * names and other labels, and a 90 px box breaks long words mid-word.
     */
    @ParameterizedTest
    @MethodSource("models")
    void namedEventsGatewaysAndFlowsHaveTheirLabelPlaced(Path model) {
        BpmnModelInstance bpmn = read(model);
        List<String> unplaced = new ArrayList<>();
        for (BpmnShape shape : bpmn.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            if ((element instanceof Event || element instanceof Gateway) && named(element)
                    && (shape.getBpmnLabel() == null || shape.getBpmnLabel().getBounds() == null)) {
                unplaced.add(element.getId());
            }
        }
        for (BpmnEdge edge : bpmn.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() instanceof SequenceFlow flow && named(flow)
                    && (edge.getBpmnLabel() == null || edge.getBpmnLabel().getBounds() == null)) {
                unplaced.add(flow.getId());
            }
        }
        assertThat(unplaced).as("named elements without label bounds in " + model).isEmpty();
    }

    private static boolean named(BaseElement element) {
        String name = element.getAttributeValue("name");
        return name != null && !name.isBlank();
    }

    /**
     * A label reads clearly: it does not lie over its own event's circle or gateway's diamond, no
     * sequence flow on its plane runs through it, its box is wider than its widest word (Modeler
     * breaks a word that does not fit in the middle: "Exchang / e") and high enough for the lines
     * Modeler breaks its text into (else the text runs out of the box, over what lies below).
     */
    @ParameterizedTest
    @MethodSource("models")
    void labelsLieOffTheirSymbolAndOffTheLinesAndKeepWordsWhole(Path model) {
        BpmnModelInstance bpmn = read(model);
        List<String> faults = new ArrayList<>();
        for (BpmnLabel label : bpmn.getModelElementsByType(BpmnLabel.class)) {
            Bounds box = label.getBounds();
            ModelElementInstance owner = label.getParentElement();
            BaseElement labelled = owner instanceof BpmnShape shape ? shape.getBpmnElement() : ((BpmnEdge) owner).getBpmnElement();
            if (box == null || !named(labelled)) {
                continue;
            }
            if (owner instanceof BpmnShape shape && overSymbol(box, shape.getBounds(), labelled)) {
                faults.add("label of " + labelled.getId() + " over its own symbol");
            }
            for (BpmnEdge edge : bpmn.getModelElementsByType(BpmnEdge.class)) {
                if (edge.getParentElement() == owner.getParentElement() && crosses(edge, box, 2)) {
                    faults.add(edge.getBpmnElement().getId() + " runs through the label of " + labelled.getId());
                }
            }
            for (String word : labelled.getAttributeValue("name").trim().split("\\s+")) {
                if (textWidth(word) > box.getWidth()) {
                    faults.add(String.format(java.util.Locale.ROOT, "label of %s (%.0f px) narrower than \"%s\" (%.0f px)",
                            labelled.getId(), box.getWidth(), word, textWidth(word)));
                }
            }
            int lines = lines(labelled.getAttributeValue("name"), box.getWidth());
            if (lines * LINE_HEIGHT > box.getHeight() + 3) {
                faults.add(String.format(java.util.Locale.ROOT, "label of %s (%.0f px high) shorter than its %d lines",
                        labelled.getId(), box.getHeight(), lines));
            }
        }
        assertThat(faults).as("unreadable labels in " + model).isEmpty();
    }

    /** Whether a label box covers an event's circle or a gateway's diamond (1 px tolerance), not just its corners. */
    private static boolean overSymbol(Bounds label, Bounds symbol, BaseElement element) {
        double cx = symbol.getX() + symbol.getWidth() / 2;
        double cy = symbol.getY() + symbol.getHeight() / 2;
        double dx = Math.max(0, Math.max(label.getX() - cx, cx - label.getX() - label.getWidth()));
        double dy = Math.max(0, Math.max(label.getY() - cy, cy - label.getY() - label.getHeight()));
        if (element instanceof Event) {
            return Math.hypot(dx, dy) < symbol.getWidth() / 2 - 1;
        }
        if (element instanceof Gateway) {
            return dx + dy < symbol.getWidth() / 2 - 1;
        }
        return false;
    }

    /** Modeler's label line height: 11 px font, 1.2 line height. */
    private static final double LINE_HEIGHT = 13.2;

    /** The lines Modeler breaks a label's text into at the box's width, word by word (as bpmn-js does). */
    static int lines(String text, double width) {
        int lines = 0;
        String line = "";
        for (String word : text.trim().split("\\s+")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && textWidth(longer) > width) {
                lines++;
                line = word;
            } else {
                line = longer;
            }
        }
        return line.isEmpty() ? lines : lines + 1;
    }

    /** Width in px of a text in Modeler's label font (11 px Arial), by character; 7.5 px for any other character. */
    static double textWidth(String text) {
        double width = 0;
        for (char c : text.toCharArray()) {
            width += c >= 32 && c < 127 ? ARIAL_11[c - 32] : 7.5;
        }
        return width;
    }

    private static final double[] ARIAL_11 = {3.06, 3.06, 3.9, 6.12, 6.12, 9.78, 7.34, 2.1, 3.66, 3.66, 4.28, 6.42, 3.06,
        3.66, 3.06, 3.06, 6.12, 6.12, 6.12, 6.12, 6.12, 6.12, 6.12, 6.12, 6.12, 6.12, 3.06, 3.06, 6.42, 6.42, 6.42, 6.12,
        11.17, 7.34, 7.34, 7.94, 7.94, 7.34, 6.72, 8.56, 7.94, 3.06, 5.5, 7.34, 6.12, 9.16, 7.94, 8.56, 7.34, 8.56, 7.94,
        7.34, 6.72, 7.94, 7.34, 10.38, 7.34, 7.34, 6.72, 3.06, 3.06, 3.06, 5.16, 6.12, 3.66, 6.12, 6.12, 5.5, 6.12, 6.12,
        3.06, 6.12, 6.12, 2.44, 2.44, 5.5, 2.44, 9.16, 6.12, 6.12, 6.12, 6.12, 3.66, 5.5, 3.06, 6.12, 5.5, 7.94, 5.5,
        5.5, 5.5, 3.67, 2.86, 3.67, 6.42};

    /**
     * A sequence flow is drawn around the shapes it does not connect: a line through a task, event
     * or gateway reads as passing through it ("Ship-by deadline passed" through "Check order again").
     */
    @ParameterizedTest
    @MethodSource("models")
    void flowsRunAroundTheShapesTheyDoNotConnect(Path model) {
        BpmnModelInstance bpmn = read(model);
        List<String> through = new ArrayList<>();
        for (BpmnEdge edge : bpmn.getModelElementsByType(BpmnEdge.class)) {
            if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
                continue;
            }
            List<String> ends = new ArrayList<>(List.of(flow.getSource().getId(), flow.getTarget().getId()));
            for (FlowNode end : List.of(flow.getSource(), flow.getTarget())) {
                if (end instanceof BoundaryEvent boundary) {
                    ends.add(boundary.getAttachedTo().getId());
                }
            }
            for (BpmnShape shape : bpmn.getModelElementsByType(BpmnShape.class)) {
                if (shape.getParentElement() == edge.getParentElement() && shape.getBpmnElement() instanceof FlowNode node
                        && !ends.contains(node.getId()) && !Boolean.TRUE.equals(shape.isExpanded()) && crosses(edge, shape.getBounds(), 3)) {
                    through.add(flow.getId() + " through " + node.getId());
                }
            }
        }
        assertThat(through).as("flows drawn through shapes in " + model).isEmpty();
    }

    /** Whether a segment of the edge passes through the box shrunk by {@code inset} px on every side. */
    private static boolean crosses(BpmnEdge edge, Bounds box, double inset) {
        List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
        double x1 = box.getX() + inset;
        double y1 = box.getY() + inset;
        double x2 = box.getX() + box.getWidth() - inset;
        double y2 = box.getY() + box.getHeight() - inset;
        for (int i = 1; i < points.size(); i++) {
            if (segmentMeetsBox(points.get(i - 1).getX(), points.get(i - 1).getY(), points.get(i).getX(), points.get(i).getY(),
                    x1, y1, x2, y2)) {
                return true;
            }
        }
        return false;
    }

    /** Liang-Barsky: does the segment (ax, ay)-(bx, by) have a point strictly inside the box? */
    private static boolean segmentMeetsBox(double ax, double ay, double bx, double by, double x1, double y1, double x2, double y2) {
        if (x2 <= x1 || y2 <= y1) {
            return false;
        }
        double[] p = {-(bx - ax), bx - ax, -(by - ay), by - ay};
        double[] q = {ax - x1, x2 - ax, ay - y1, y2 - ay};
        double enter = 0;
        double leave = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] <= 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    enter = Math.max(enter, t);
                } else {
                    leave = Math.min(leave, t);
                }
            }
        }
        return enter < leave;
    }

    /** Overlapping areas, not touching edges: a label may sit right under its shape. */
    private static boolean strictlyOverlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    /** A screen, in diagram pixels at 100 %: every plane of every model fits one (issue 16). */
    static final double SCREEN_WIDTH = 1600;
    static final double SCREEN_HEIGHT = 900;

    /**
     * Planes allowed to be larger than a screen, by model and plane, with their size: empty since
     * every model was split into collapsed subprocesses; keep it so.
     */
    static final Map<String, String> PLANES_LARGER_THAN_A_SCREEN_YET = Map.of();

    /** Every diagram plane (the process, each collapsed subprocess) fits 1600 × 900: shapes, labels and edges. */
    @ParameterizedTest
    @MethodSource("models")
    void everyPlaneFitsOneScreen(Path model) {
        List<String> tooLarge = new ArrayList<>();
        for (BpmnPlane plane : read(model).getModelElementsByType(BpmnPlane.class)) {
            double[] extent = extent(plane);
            double width = extent[2] - extent[0];
            double height = extent[3] - extent[1];
            String key = model.getFileName() + "#" + plane.getBpmnElement().getId();
            String allowed = PLANES_LARGER_THAN_A_SCREEN_YET.get(key);
            double maxWidth = allowed == null ? SCREEN_WIDTH : Double.parseDouble(allowed.split("x")[0]);
            double maxHeight = allowed == null ? SCREEN_HEIGHT : Double.parseDouble(allowed.split("x")[1]);
            if (width > maxWidth || height > maxHeight) {
                tooLarge.add(String.format(java.util.Locale.ROOT, "plane %s is %.0f x %.0f px, over %.0f x %.0f%s", key,
                        width, height, maxWidth, maxHeight, allowed == null ? " (one screen): split it into call"
                                + " activities or collapsed subprocesses" : " (its size when the rule came: it may not grow)"));
            }
        }
        assertThat(tooLarge).as("planes larger than a screen in " + model).isEmpty();
    }

    /** minX, minY, maxX, maxY of everything drawn on the plane. */
    private static double[] extent(BpmnPlane plane) {
        double[] extent = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (DiagramElement element : plane.getDiagramElements()) {
            if (element instanceof BpmnShape shape) {
                include(extent, shape.getBounds());
                if (shape.getBpmnLabel() != null) {
                    include(extent, shape.getBpmnLabel().getBounds());
                }
            } else if (element instanceof BpmnEdge edge) {
                for (Waypoint point : edge.getWaypoints()) {
                    include(extent, point.getX(), point.getY(), 0, 0);
                }
                if (edge.getBpmnLabel() != null) {
                    include(extent, edge.getBpmnLabel().getBounds());
                }
            }
        }
        return extent;
    }

    private static void include(double[] extent, Bounds bounds) {
        if (bounds != null) {
            include(extent, bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
        }
    }

    private static void include(double[] extent, double x, double y, double width, double height) {
        extent[0] = Math.min(extent[0], x);
        extent[1] = Math.min(extent[1], y);
        extent[2] = Math.max(extent[2], x + width);
        extent[3] = Math.max(extent[3], y + height);
    }

    /** The five rules of issue 16 refuse what they are for (a model breaking each of them once). */
    @org.junit.jupiter.api.Test
    void theLayoutAndDeadlineRulesRefuseAModelThatBreaksThem() {
        // Its task hides a deadline of PT4H in a timeout listener, with the delegate that may write a form at once (PT0S).
        Path bad = Path.of("src", "test", "resources", "gate", "breaks-every-layout-rule.bpmn");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deadlinesAreBoundaryTimersNotTimeoutListeners(bad))
                .hasMessageContaining("user_decide");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noListenerHidesOnASequenceFlow(bad))
                .hasMessageContaining("flow_to_end");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> namesAreUniqueWithinAProcess(bad))
                .hasMessageContaining("Decide");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> labelsOverlapNeitherShapesNorOtherLabels(bad))
                .hasMessageContaining("label of start_fixture over user_decide")
                .hasMessageContaining("label of end_fixture over label of flow_to_end");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> namedEventsGatewaysAndFlowsHaveTheirLabelPlaced(bad))
                .hasMessageContaining("flow_to_task");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> labelsLieOffTheirSymbolAndOffTheLinesAndKeepWordsWhole(bad))
                .hasMessageContaining("label of start_fixture over its own symbol")
                .hasMessageContaining("flow_to_task runs through the label of start_fixture")
                .hasMessageContaining("label of flow_to_end (20 px) narrower than \"Finished\"")
                .hasMessageContaining("label of end_fixture (27 px high) shorter than its 3 lines");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flowsRunAroundTheShapesTheyDoNotConnect(bad))
                .hasMessageContaining("flow_to_task through end_fixture");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> everyPlaneFitsOneScreen(bad))
                .hasMessageContaining("plane breaks-every-layout-rule.bpmn#gate_fixture is 340 x 1022 px, over 1600 x 900");
    }
}
