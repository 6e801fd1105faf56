package io.dropflow.processengine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The rules of a BPMN model that matter while it runs, one definition applied by the build ({@code ModelQualityTest}
 * on {@code bpmn/*.bpmn}) and at deploy time ({@link DeploymentContents}: a person's deployment that breaks one is a
 * 400 naming the file, the element and the rule):
 *
 * <ul>
 * <li>every wait for a person (a user task) or a partner (a message or signal catch, a receive task, an event-based
 * gateway) has a drawn deadline: a timer on its border, a timer branch of its event-based gateway, or a timer on an
 * enclosing subprocess; without one nobody is ever escalated;</li>
 * <li>a user task with a timer on its border is due when the timer fires ({@code ${taskDeadline.after(x)}} beside a
 * timer of {@code ${x}}, or the timer's own date): Tasklist promises its due date is that moment;</li>
 * <li>no step is an external task ({@code camunda:type="external"}): Dropflow runs no external worker, so it would wait
 * for ever, without a retry, an incident or a deadline;</li>
 * <li>no element keeps the id Camunda Modeler generated ({@code Activity_0abc12}): history, Cockpit and the process
 * tests name elements by id.</li>
 * </ul>
 * The layout rules (labels, overlaps, one screen) are the build's only: they do not change what runs.
 */
final class ModelRules {

    /**
     * An id as Camunda Modeler generates it for a new element: a prefix, "_" and a random part. bpmn-js
     * ({@code lib/features/modeling/BpmnFactory.js}, {@code _ensureId}; github.com/bpmn-io/bpmn-js) takes the prefix
     * "Activity", "Event", "Gateway" or "Flow" for flow elements since v7 (Camunda Modeler 4), and the element's own
     * BPMN type before ({@code ServiceTask_}, {@code BoundaryEvent_}, {@code ExclusiveGateway_}, {@code SequenceFlow_})
     * and still for the rest ({@code Participant_}, {@code Message_}, {@code Process_}, {@code Lane_}); the random part
     * is {@code ids.nextPrefixed} of {@code new Ids([ 32, 36, 1 ])} ({@code lib/Modeler.js}): 32 random bits in base
     * 36, seven characters of which the first is 0 or 1, so always a digit among them. Readable ids (Dropflow's are
     * lower-case words) and the Modeler's own starter ids ({@code StartEvent_1}, {@code Process_1}) do not match.
     */
    static final Pattern GENERATED_ID = Pattern.compile("^(Activity|Event|Gateway|Flow|" + bpmnTypeNames()
            + ")_(?=[0-9a-z]*[0-9])[0-9a-z]{5,}$");

    private ModelRules() {
    }

    /** The BPMN element types' names as bpmn-js writes them in a prefix ("ServiceTask|BoundaryEvent|…"). */
    private static String bpmnTypeNames() {
        return Bpmn.INSTANCE.getBpmnModel().getTypes().stream().map(t -> t.getTypeName())
                .filter(name -> name.matches("[a-zA-Z]+"))
                .map(name -> Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .distinct().sorted().collect(java.util.stream.Collectors.joining("|"));
    }

    /**
     * What this deployed BPMN file breaks, one line each ("file, user task id ("name"): rule"); empty when it keeps
     * every rule, or when it does not read as BPMN (the engine's parse names that).
     */
    static List<String> problems(String file, byte[] bpmn) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        } catch (RuntimeException notBpmn) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (FlowNode wait : waitsWithoutDeadline(model)) {
            problems.add(file + ", " + element(wait) + ": " + (wait instanceof UserTask ? "waits for a person" : "waits for a"
                    + " partner") + " without a drawn deadline (a boundary timer, a timer branch of its event-based gateway"
                    + " or a timer on its subprocess): nobody would ever be escalated");
        }
        for (String differing : dueDatesOffTheirDeadline(model)) {
            problems.add(file + ", " + differing);
        }
        for (BaseElement external : externalTasks(model)) {
            String topic = externalTopic(external);
            problems.add(file + ", " + element(external) + ": is an external task (camunda:type=\"external\""
                    + (topic == null || topic.isBlank() ? "" : ", topic " + topic.trim()) + "), but Dropflow runs no"
                    + " external workers: it would wait for ever, without a retry, an incident or a deadline. Keep the"
                    + " step's camunda:delegateExpression as the shipped model has it (docs/modeling.md, \"What a model"
                    + " may use\")");
        }
        for (BaseElement generated : generatedIds(model)) {
            problems.add(file + ", " + element(generated) + ": keeps the id Camunda Modeler generated; give it one that"
                    + " says what it is (e.g. user_review_order, timer_review_overdue)");
        }
        return problems;
    }

    /**
     * The steps handed to an external worker ({@code camunda:type="external"}): a service, send or business rule task,
     * or a message throw or end event (its message definition carries the type). Dropflow runs no external worker, so
     * such a step is fetched by no one: it waits for ever, with no job, no retry, no incident and no deadline
     * (exploratory test s18, H9).
     */
    static List<BaseElement> externalTasks(BpmnModelInstance bpmn) {
        List<BaseElement> external = new ArrayList<>();
        for (BaseElement element : bpmn.getModelElementsByType(BaseElement.class)) {
            if (!"external".equals(camundaType(element))) {
                continue;
            }
            // a message event definition is external for the event it belongs to: name the event
            BaseElement step = element instanceof MessageEventDefinition
                    && element.getParentElement() instanceof BaseElement event ? event : element;
            if (!external.contains(step)) {
                external.add(step);
            }
        }
        return external;
    }

    private static String camundaType(BaseElement element) {
        String type = element.getAttributeValueNs(org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS, "type");
        return type == null ? null : type.trim();
    }

    /** The topic an external step names: its own, or its message definition's. */
    private static String externalTopic(BaseElement step) {
        String ns = org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;
        String topic = step.getAttributeValueNs(ns, "topic");
        if (topic == null) {
            for (MessageEventDefinition definition : step.getChildElementsByType(MessageEventDefinition.class)) {
                topic = definition.getAttributeValueNs(ns, "topic");
            }
        }
        return topic;
    }

    /** "user task user_review_order ("Review order")": the element's kind, id and name. */
    private static String element(BaseElement element) {
        String kind = element.getElementType().getTypeName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        String name = element.getAttributeValue("name");
        return kind + " " + element.getId() + (name == null || name.isBlank() ? "" : " (\"" + name.trim() + "\")");
    }

    /** Waits for a person or a partner without a deadline. */
    static List<FlowNode> waitsWithoutDeadline(BpmnModelInstance bpmn) {
        List<FlowNode> missing = new ArrayList<>();
        for (FlowNode wait : bpmn.getModelElementsByType(FlowNode.class)) {
            // a branch of an event-based gateway waits as the gateway does: the gateway's timer branch is its deadline
            boolean afterEventGateway = wait.getIncoming().stream().anyMatch(f -> f.getSource() instanceof EventBasedGateway);
            boolean isWait = wait instanceof UserTask || wait instanceof EventBasedGateway
                    // a receive task waits for a partner's message as a message catch event does (exploratory test s17)
                    || (wait instanceof ReceiveTask && !afterEventGateway)
                    || (wait instanceof IntermediateCatchEvent catchEvent
                            // a message, signal or condition waits for someone; a link catch event does not wait
                            && catchEvent.getEventDefinitions().stream().anyMatch(d -> d instanceof MessageEventDefinition
                                    || d instanceof SignalEventDefinition || d instanceof ConditionalEventDefinition)
                            && !afterEventGateway);
            if (isWait && !hasDeadline(wait)) {
                missing.add(wait);
            }
        }
        return missing;
    }

    private static boolean hasDeadline(FlowNode wait) {
        Collection<BoundaryEvent> boundaries = wait.getModelInstance().getModelElementsByType(BoundaryEvent.class);
        if (wait instanceof UserTask task && task.getExtensionElements() != null && task.getExtensionElements()
                .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .anyMatch(l -> "timeout".equals(l.getCamundaEvent()) && !preparesTheFormAtOnce(l))) {
            return true;
        }
        if (wait instanceof Activity task && timerOn(boundaries, task)) {
            return true;
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

    /**
     * The one timeout listener that is no deadline: the form's facts written at once after the task exists
     * ({@code ${prepareTaskForm}} after {@code PT0S}, ADR 22).
     */
    static boolean preparesTheFormAtOnce(CamundaTaskListener listener) {
        return "${prepareTaskForm}".equals(listener.getCamundaDelegateExpression())
                && listener.getTimeouts().stream().allMatch(timer -> timer.getTimeDuration() != null
                        && "PT0S".equals(timer.getTimeDuration().getTextContent().trim())
                        && timer.getTimeDate() == null && timer.getTimeCycle() == null);
    }

    /**
     * User tasks whose due date is not the moment their boundary timer fires, one line each
     * ("user task id ("name"): due …, but its deadline timer_x fires at …; …").
     */
    static List<String> dueDatesOffTheirDeadline(BpmnModelInstance bpmn) {
        // A task's due date is one of its timers': a reminder (non-interrupting) beside a deadline is no second deadline
        java.util.Map<UserTask, List<String>> timersByTask = new java.util.LinkedHashMap<>();
        java.util.Map<UserTask, List<String>> firesAt = new java.util.LinkedHashMap<>();
        for (BoundaryEvent boundary : bpmn.getModelElementsByType(BoundaryEvent.class)) {
            if (!(boundary.getAttachedTo() instanceof UserTask task)) {
                continue;
            }
            for (TimerEventDefinition timer : boundary.getChildElementsByType(TimerEventDefinition.class)) {
                dueDateOf(timer).ifPresent(expected -> {
                    timersByTask.computeIfAbsent(task, t -> new ArrayList<>()).add(boundary.getId());
                    firesAt.computeIfAbsent(task, t -> new ArrayList<>()).add(expected);
                });
            }
        }
        List<String> differing = new ArrayList<>();
        timersByTask.forEach((task, timers) -> {
            String due = task.getCamundaDueDate();
            List<String> expected = firesAt.get(task);
            if (!expected.contains(due)) {
                differing.add(element(task) + ": due " + (due == null || due.isBlank() ? "never (no due date)" : due)
                        + ", but its deadline " + String.join(" or ", timers) + " fires at " + String.join(" or ", expected)
                        + "; give the task that due date, so that Tasklist's due date is when the timer fires");
            }
        });
        return differing;
    }

    /** The due date a task with this timer on its border has: the timer's duration after now, or its date. */
    private static Optional<String> dueDateOf(TimerEventDefinition timer) {
        if (timer.getTimeDuration() != null) {
            return Optional.of("${taskDeadline.after(" + timer.getTimeDuration().getTextContent().trim()
                    .replaceAll("^\\$\\{|}$", "") + ")}");
        }
        return timer.getTimeDate() == null ? Optional.empty() : Optional.of(timer.getTimeDate().getTextContent().trim());
    }

    /**
     * Elements whose id is one Camunda Modeler generated, among those read by id (Cockpit, the job and incident lists,
     * a test, a report) whose id Modeler's properties panel lets an analyst change: the process, its flow nodes and
     * sequence flows, participants and lanes. Modeler also gives a generated id to an event's definition
     * ({@code TimerEventDefinition_1uqne1v}), a message ({@code Message_2ps6k7o}, referenced by name), a lane set, a
     * collaboration or a data association, with no field to change it: those are left alone (review s17, F12: every
     * timer drawn in Modeler was refused).
     */
    static List<BaseElement> generatedIds(BpmnModelInstance bpmn) {
        return bpmn.getModelElementsByType(BaseElement.class).stream()
                .filter(e -> e instanceof org.camunda.bpm.model.bpmn.instance.FlowElement
                        || e instanceof org.camunda.bpm.model.bpmn.instance.Process
                        || e instanceof org.camunda.bpm.model.bpmn.instance.Participant
                        || e instanceof org.camunda.bpm.model.bpmn.instance.Lane)
                .filter(e -> e.getId() != null && GENERATED_ID.matcher(e.getId()).matches()).toList();
    }
}
