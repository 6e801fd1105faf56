package io.dropflow.processengine;

import io.dropflow.security.Groups;
import static io.dropflow.processengine.CommandFields.field;
import static io.dropflow.processengine.CommandFields.read;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateJobCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateJobDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What a logged-in person (not an administrator) may ask the engine to do beyond completing a task
 * with its form ({@link TaskVariablesByForm}); the engine REST API and Tasklist's engine API offer
 * more than Dropflow's roles mean, and a candidate of a task holds the engine's UPDATE on it, which
 * covers all of a task's actions. Only the commands a person sends are checked (the outermost); the
 * application's own code running inside them (a listener, an escalation) is not, nor anything run
 * with nobody logged in (jobs, tests).
 *
 * <ul>
 * <li>No BPMN error or escalation through a task: no form of ours throws one, and an uncaught one ends
 * the task's process (403).</li>
 * <li>A task is given (claim, assignee, owner, candidate user) only to someone who may do it: a
 * member of one of its candidate groups, one of its candidate users, the one its model assigns it to
 * (a pickup point's leader, {@code camunda:assignee}, who also takes back their own task while nobody
 * has it), or a supervisor; a group is added as a
 * candidate only if it is {@code supervisors}, and no candidate group is taken off: they say who must
 * see the task (403). Only its assignee, one of its candidates or a supervisor gives it to someone:
 * not a former assignee, who keeps the engine's permission on the task (403).</li>
 * <li>A task someone has (claimed, or was given) is completed and given back (unclaim) by its assignee
 * only (403 for another, a candidate too); giving it back is refused too when the task is offered to
 * nobody else. A task its model assigns is completed by the one the model names now (a pickup point's
 * acting leader), its candidates or a supervisor only (403 for a former or inactive leader).</li>
 * <li>No delegation (403: reassign instead): Camunda's delegate answers a delegated task with a
 * resolve, which writes the answer into the process and leaves the task open for its owner, who
 * answers it again. Administrators do not delegate either: the answer written twice is the same
 * whoever delegated; they reassign as everyone does.</li>
 * <li>An incident's annotation is written by who may list the incident (403); one of no process (the
 * history cleanup's) by administrators.</li>
 * <li>Of a task's own fields ({@code PUT /task/{id}}, which Tasklist sends with the whole task to set a
 * follow-up date) a person changes the follow-up date and the assignee (as above), nothing else: its due
 * date (the model's drawn deadline) and priority are the model's (403), and a name or description sent
 * otherwise is not taken (Tasklist in Chinese sends back both as it showed them, translated).</li>
 * <li>The engine's jobs are administrators' (403): the engine checks no authorization on a job that
 * belongs to no process (the history cleanup), and Dropflow grants nobody else UPDATE on processes.</li>
 * </ul>
 * And for everyone, a 4xx where the engine API answered 500: deleting a process's task (400), the
 * deployed form of a task that is not there (404), a condition no start event waits for (400).
 * For everyone logged in, administrators too: no message is correlated (400, naming the message and
 * where it comes from): Dropflow's processes take their messages from its inbox, with the payload
 * they need, as partners and people send them through Dropflow's API; and no running instance of a
 * process that stands for a record ({@link EndsThroughItsRecord}: an order) is deleted (400, saying
 * how to end it), nor ended by a modification: the record would stay open with nothing to move it on. A command sent while a
 * person's command is still under way on the thread (after its commit: the inbox delivering what its
 * process now waits for) is the application's own, as one inside a command is.
 */
final class PeoplesEngineCommands extends CommandInterceptor {

    private static final Set<Class<?>> NOT_FROM_A_FORM = Set.of(HandleTaskBpmnErrorCmd.class,
            HandleTaskEscalationCmd.class);
    private static final Set<Class<?>> JOB_CHANGES = Set.of(ExecuteJobsCmd.class, SetJobDuedateCmd.class,
            RecalculateJobDuedateCmd.class, SetJobRetriesCmd.class, SetJobPriorityCmd.class, SuspendJobCmd.class,
            ActivateJobCmd.class, DeleteJobCmd.class, SetJobDefinitionPriorityCmd.class, SuspendJobDefinitionCmd.class,
            ActivateJobDefinitionCmd.class);

    private static final String NEEDED_FOR = "the check of what people may ask the engine";
    private static final Field PROPERTY_TASK = field(AbstractSetTaskPropertyCmd.class, "taskId", NEEDED_FOR);
    private static final Field LINK_USER = field(AbstractAddIdentityLinkCmd.class, "userId", NEEDED_FOR);
    private static final Field LINK_GROUP = field(AbstractAddIdentityLinkCmd.class, "groupId", NEEDED_FOR);
    private static final Field LINK_TYPE = field(AbstractAddIdentityLinkCmd.class, "type", NEEDED_FOR);
    /** The links a task has: who may take it, who has it, who owns it; any other type means nothing to anybody. */
    private static final Set<String> LINK_TYPES = Set.of(IdentityLinkType.CANDIDATE, IdentityLinkType.ASSIGNEE,
            IdentityLinkType.OWNER);
    private static final Field CLAIM_TASK = field(ClaimTaskCmd.class, "taskId", NEEDED_FOR);
    private static final Field CLAIM_USER = field(ClaimTaskCmd.class, "userId", NEEDED_FOR);
    private static final Field SAVED_TASK = field(SaveTaskCmd.class, "task", NEEDED_FOR);
    private static final Field DELETED_TASK = field(DeleteTaskCmd.class, "taskId", NEEDED_FOR);
    private static final Field DELETED_TASKS = field(DeleteTaskCmd.class, "taskIds", NEEDED_FOR);
    private static final Field FORM_TASK = field(GetDeployedTaskFormCmd.class, "taskId", NEEDED_FOR);
    private static final Field ANNOTATED_INCIDENT = field(SetAnnotationForIncidentCmd.class, "incidentId", NEEDED_FOR);
    private static final Field FAILED_JOB = field(FailedJobListener.class, "jobFailureCollector", NEEDED_FOR);
    private static final Field CORRELATED_MESSAGE = field(AbstractCorrelateMessageCmd.class, "messageName", NEEDED_FOR);
    private static final Field RECEIVED_MESSAGE = field(MessageEventReceivedCmd.class, "messageName", NEEDED_FOR);
    private static final Field BATCH_MESSAGE = field(CorrelateAllMessageBatchCmd.class, "messageName", NEEDED_FOR);
    private static final Field DELETED_INSTANCE = field(DeleteProcessInstanceCmd.class, "processInstanceId", NEEDED_FOR);
    private static final Field DELETED_INSTANCES = field(DeleteProcessInstancesCmd.class, "processInstanceIds", NEEDED_FOR);
    private static final Field BATCH_DELETED = field(DeleteProcessInstanceBatchCmd.class, "processInstanceIds", NEEDED_FOR);
    private static final Field BATCH_DELETED_QUERY = field(DeleteProcessInstanceBatchCmd.class, "processInstanceQuery",
            NEEDED_FOR);
    private static final Field BATCH_DELETED_HISTORY = field(DeleteProcessInstanceBatchCmd.class,
            "historicProcessInstanceQuery", NEEDED_FOR);

    private static final Field MODIFICATION = field(ModifyProcessInstanceCmd.class, "builder", NEEDED_FOR);
    private static final Field MODIFIED_INSTANCE = field(org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl.class,
            "processInstanceId", NEEDED_FOR);

    /** Whether a person's command is under way on this thread: what is sent meanwhile is the application's own. */
    private static final ThreadLocal<Boolean> UNDER_WAY = new ThreadLocal<>();

    /** How the engine says that no conditional start event waits for what was sent. */
    private static final String NO_CONDITION_MATCHES = "ENGINE-13043";

    private final ProcessEngineConfigurationImpl configuration;
    private final ObjectProvider<EndsThroughItsRecord> recordProcesses;

    PeoplesEngineCommands(ProcessEngineConfigurationImpl configuration,
            ObjectProvider<EndsThroughItsRecord> recordProcesses) {
        this.configuration = configuration;
        this.recordProcesses = recordProcesses;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null || UNDER_WAY.get() != null) {
            // inside a command, or after its commit (the inbox hands over what the process now waits
            // for): the application's own code
            return next.execute(command);
        }
        UNDER_WAY.set(Boolean.TRUE);
        try {
            return checked(command);
        } finally {
            UNDER_WAY.remove();
        }
    }

    private <T> T checked(Command<T> command) {
        if (command instanceof FailedJobListener && read(FAILED_JOB, command) instanceof JobFailureCollector failed
                && failed.getFailure() instanceof AuthorizationException && failed.getJob() == null) {
            // the job's execution was refused here, before the engine read the job: it did not fail,
            // its retries stay (the engine's listener would count the refusal as a failure)
            return null;
        }
        Authentication who = configuration.getIdentityService().getCurrentAuthentication();
        if (command instanceof DelegateTaskCmd && who != null && who.getUserId() != null) {
            // administrators too: what delegation does to the process does not depend on who delegates
            throw new AuthorizationException(DELEGATION_REFUSED);
        }
        boolean person = who != null && who.getUserId() != null
                && (who.getGroupIds() == null || !who.getGroupIds().contains(Groups.ADMINS));
        if (person) {
            checkPersonMay(command, who);
        }
        if (who != null && who.getUserId() != null) {
            StartedByDropflowOnly.check(command, configuration.getRepositoryService());
            checkNoMessage(command);
            checkNoRecordsProcessDeleted(command);
            if (command instanceof ModifyProcessInstanceCmd modification) {
                return next.execute(endingNoRecordsProcess(modification, command));
            }
        }
        checkAnswerable(command);
        if (command instanceof EvaluateStartConditionCmd) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(NO_CONDITION_MATCHES)) {
                    throw new BadUserRequestException(e.getMessage(), e); // the caller's condition, a 400
                }
                throw e;
            }
        }
        return next.execute(command);
    }

    private void checkPersonMay(Command<?> command, Authentication person) {
        String who = person.getUserId();
        if (NOT_FROM_A_FORM.contains(command.getClass())) {
            throw new AuthorizationException("a task is answered with its form, which throws no BPMN error or"
                    + " escalation; " + who + " may complete the task");
        }
        if (JOB_CHANGES.contains(command.getClass())) {
            throw new AuthorizationException("the engine's jobs are run and changed by administrators only; " + who
                    + " is not one");
        }
        Optional<String> completed = TaskAnswers.taskOf(command);
        if (completed.isPresent()) {
            checkNotClaimedByAnother(completed.get(), who);
            checkModelsAssigneeNow(completed.get(), person);
        } else if (command instanceof AbstractAddIdentityLinkCmd) {
            String taskId = (String) read(PROPERTY_TASK, command);
            String user = (String) read(LINK_USER, command);
            String group = (String) read(LINK_GROUP, command);
            if (command instanceof AssignTaskCmd && user == null && group == null) {
                checkGivenBack(taskId, who);
                return;
            }
            Object type = read(LINK_TYPE, command);
            if (type != null && !LINK_TYPES.contains(type)) {
                // a person's link of another type was taken and could not be taken off again (second exploratory test)
                throw new BadUserRequestException("a task's links are its candidates, its assignee and its owner: "
                        + "type '" + type + "' is none of them");
            }
            checkMayGive(taskId, person, command instanceof AssignTaskCmd ? user : null);
            if (group != null) {
                checkGroupMay(taskId, group);
            } else if (user != null) {
                checkUserMay(taskId, user);
            }
        } else if (command instanceof ClaimTaskCmd) {
            String taskId = (String) read(CLAIM_TASK, command);
            String user = (String) read(CLAIM_USER, command);
            if (user == null) {
                checkGivenBack(taskId, who);
            } else {
                checkMayGive(taskId, person, user);
                checkUserMay(taskId, user);
            }
        } else if (command instanceof DeleteGroupIdentityLinkCmd) {
            throw new AuthorizationException("a task's candidate groups say who must see it; " + who
                    + " may add supervisors to them but not take a group off (an administrator may)");
        } else if (command instanceof SaveTaskCmd) {
            checkTaskChanges((TaskEntity) read(SAVED_TASK, command), person);
        } else if (command instanceof SetAnnotationForIncidentCmd && read(ANNOTATED_INCIDENT, command) instanceof String id) {
            checkMayAnnotate(id, who);
        }
    }

    /**
     * An incident's annotation is written (or cleared) by who may list the incident; the engine checks the
     * incident's process instance only when it has an execution (a failed timer start has none). An
     * incident of no process is the engine's own job's (the history cleanup's): administrators', as the job is.
     */
    private void checkMayAnnotate(String incidentId, String who) {
        Incident incident = withoutAuthorization(() -> Context.getCommandContext().getIncidentManager()
                .findIncidentById(incidentId));
        if (incident == null) {
            return; // the engine says so
        }
        if (incident.getProcessDefinitionId() == null) {
            throw new AuthorizationException("incident " + incidentId + " is of the engine's own job, which is"
                    + " administrators' only; " + who + " is not one");
        }
        if (configuration.getRuntimeService().createIncidentQuery().incidentId(incidentId).count() == 0) {
            throw new AuthorizationException(who + " may not read incident " + incidentId
                    + ": an incident is annotated by who may list it");
        }
    }

    /**
     * Why a person does not delegate a task: Camunda's delegation ends in a resolve, which writes the
     * delegate's answer into the process and leaves the task open for its owner, who then answers again.
     */
    static final String DELEGATION_REFUSED = "a task is not delegated: the delegate's answer would reach the process"
            + " before the task is completed; reassign it instead (its assignee), and the new assignee completes it";

    /** Completing a task someone else has (claimed, or was given): only its assignee does. */
    private void checkNotClaimedByAnother(String taskId, String who) {
        TaskEntity task = unchecked(taskId);
        if (task != null && task.getAssignee() != null && !task.getAssignee().equals(who)) {
            if (givenByModel(task)) {
                throw new AuthorizationException("this task is assigned to " + task.getAssignee() + ": only its assignee"
                        + " may complete it (or an administrator); to act for them, make yourself its assignee first");
            }
            throw new AuthorizationException(task.getAssignee() + " has claimed this task: only its assignee may"
                    + " complete it (or an administrator)");
        }
    }

    /**
     * A task its model assigns ({@code camunda:assignee}: a pickup point's acting leader) is completed by the one the
     * model names now, one of its candidates or a supervisor; not by one it named before (a former or inactive
     * leader, who keeps the engine's permission on the task they had), as the feature's own API refuses them.
     */
    private void checkModelsAssigneeNow(String taskId, Authentication person) {
        TaskEntity task = unchecked(taskId);
        if (task == null || !withoutAuthorization(() -> assignedByModel(taskId))) {
            return;
        }
        String who = person.getUserId();
        String named = withoutAuthorization(() -> modelsAssignee(taskId));
        Set<String> candidateGroups = candidateGroups(task);
        if (who.equals(named) || candidateUsers(task).contains(who) || groupsOf(person).stream()
                .anyMatch(g -> candidateGroups.contains(g) || Groups.SUPERVISORS.equals(g))) {
            return;
        }
        String candidates = String.join(", ", candidateGroups);
        if (named == null) {
            throw new AuthorizationException(who + " may not complete this task: its model names nobody for it now;"
                    + " its candidates (" + candidates + ") or a supervisor may");
        }
        throw new AuthorizationException(who + " may not complete this task: it is " + named + "'s now, its"
                + " candidates' (" + candidates + ") or a supervisor's");
    }

    /** Giving a task back: its assignee does, and someone else must be offered it. */
    private void checkGivenBack(String taskId, String who) {
        TaskEntity task = unchecked(taskId);
        if (task != null && task.getAssignee() != null && !task.getAssignee().equals(who)) {
            if (givenByModel(task)) {
                throw new AuthorizationException("this task is assigned to " + task.getAssignee() + ": only its assignee"
                        + " may give it back (or an administrator)");
            }
            throw new AuthorizationException(task.getAssignee() + " has claimed this task: only its assignee may"
                    + " give it back (or an administrator)");
        }
        checkSomeoneElseMay(taskId);
    }

    /**
     * Who gives a task to someone (assignee, owner, candidate, claim): its assignee, one of its candidates,
     * or a supervisor; not one who once had it (an assignee keeps the engine's permission on the task when
     * it is given to another). And the one its model assigns it to (a pickup point's leader) takes it back
     * ({@code to}: to themselves) while nobody has it: their receipt, given back to the operators, is still
     * theirs; once an operator has it, the operator gives it back to them.
     */
    private void checkMayGive(String taskId, Authentication person, String to) {
        TaskEntity task = unchecked(taskId);
        if (task == null) {
            return; // no task: the engine says so
        }
        String who = person.getUserId();
        if (who.equals(task.getAssignee()) || candidateUsers(task).contains(who)) {
            return;
        }
        if (task.getAssignee() == null && who.equals(to) && who.equals(withoutAuthorization(() -> modelsAssignee(taskId)))) {
            return;
        }
        Set<String> candidateGroups = candidateGroups(task);
        if (groupsOf(person).stream().anyMatch(g -> candidateGroups.contains(g) || Groups.SUPERVISORS.equals(g))) {
            return;
        }
        throw new AuthorizationException(who + " is neither its assignee nor one of its candidates ("
                + String.join(", ", candidateGroups) + ") nor a supervisor: only they may give this task to someone");
    }

    private List<String> groupsOf(Authentication person) {
        if (person.getGroupIds() != null) {
            return person.getGroupIds();
        }
        return withoutAuthorization(() -> configuration.getIdentityService().createGroupQuery()
                .groupMember(person.getUserId()).list().stream().map(Group::getId).toList());
    }

    /**
     * No message through the engine APIs: Dropflow's inbox delivers each, with the payload its process
     * needs (a shipment's {@code shipmentId}), from what a partner or person sends to Dropflow's API. One
     * correlated by hand moved an order to SHIPPED with no parcel (exploratory test s13, D1).
     */
    private static void checkNoMessage(Command<?> command) {
        Object message;
        if (command instanceof AbstractCorrelateMessageCmd) {
            message = read(CORRELATED_MESSAGE, command);
        } else if (command instanceof MessageEventReceivedCmd) {
            message = read(RECEIVED_MESSAGE, command);
        } else if (command instanceof CorrelateAllMessageBatchCmd) {
            message = read(BATCH_MESSAGE, command);
        } else {
            return;
        }
        throw new Refused("message " + message + " is not sent through the engine API: Dropflow's"
                + " processes take their messages from Dropflow's inbox, with the payload they need, as they come"
                + " in: " + comesFrom(String.valueOf(message)));
    }

    /**
     * What Dropflow does not take through the engine APIs from anyone: a 400 also where the engine API
     * wraps it in its own 500 (a message subscription's trigger), {@link EngineRestAnswers}.
     */
    static final class Refused extends BadUserRequestException implements OperatorInputRefused {

        Refused(String message) {
            super(message);
        }
    }

    /** Where a message of this name comes from, in the words of docs/api.md. */
    static String comesFrom(String message) {
        if (message.startsWith("Supplier")) {
            return "from the supplier, through the supplier event API (POST /api/webhooks/suppliers/{code}/events,"
                    + " …/claim-answers, …/return-answers, …/return-inspections) or its platform's webhook";
        }
        if (message.startsWith("Carrier") || message.contains("Parcel")) {
            return "from the carrier, through the carrier event API (POST /api/webhooks/carriers/events) or its"
                    + " tracking service's push";
        }
        if (message.startsWith("Consumer")) {
            return "from the consumer, through Dropflow's API (an order's cancellation: POST /api/orders/{id}/cancel)";
        }
        if (message.startsWith("Applicant")) {
            return "from the applicant, through the onboarding API (POST /api/webhooks/onboarding/applications/…)";
        }
        return "from Dropflow's API and its processes' own steps";
    }

    /**
     * No running instance of a record's process is deleted (an order's): the order stayed open for good with
     * no task and no incident, and its cancellation was refused (exploratory test s13, D2).
     */
    private void checkNoRecordsProcessDeleted(Command<?> command) {
        List<String> ids = new ArrayList<>();
        if (command instanceof DeleteProcessInstanceCmd && read(DELETED_INSTANCE, command) instanceof String id) {
            ids.add(id);
        } else if (command instanceof DeleteProcessInstancesCmd
                && read(DELETED_INSTANCES, command) instanceof java.util.Collection<?> many) {
            many.forEach(id -> ids.add(String.valueOf(id)));
        } else if (command instanceof DeleteProcessInstanceBatchCmd) {
            if (read(BATCH_DELETED, command) instanceof java.util.Collection<?> many) {
                many.forEach(id -> ids.add(String.valueOf(id)));
            }
            if (read(BATCH_DELETED_QUERY, command) instanceof ProcessInstanceQueryImpl query) {
                withoutAuthorization(() -> query.executeList(Context.getCommandContext(), null))
                        .forEach(instance -> ids.add(instance.getId()));
            }
            if (read(BATCH_DELETED_HISTORY, command) instanceof HistoricProcessInstanceQueryImpl query) {
                withoutAuthorization(() -> query.executeList(Context.getCommandContext(), null))
                        .forEach(instance -> ids.add(instance.getId()));
            }
        } else {
            return;
        }
        List<EndsThroughItsRecord> records = recordProcesses.orderedStream().toList();
        for (String id : ids) {
            String[] instance = withoutAuthorization(() -> {
                ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(id);
                return execution == null || !execution.isProcessInstanceExecution() ? null
                        : new String[] {execution.getProcessDefinition().getKey(), execution.getBusinessKey()};
            });
            if (instance == null) {
                continue; // not running: the engine says what it does
            }
            for (EndsThroughItsRecord record : records) {
                if (record.processKey().equals(instance[0])) {
                    throw new Refused("process instance " + id + " (" + instance[0] + ", business key "
                            + instance[1] + ") is not deleted: it would leave its record open for good, with nothing"
                            + " to move it on. " + record.howToEnd(instance[1]));
                }
            }
        }
    }

    /**
     * A modification of a record's process instance (Cockpit's, {@code POST /process-instance/{id}/modification})
     * that leaves nothing running ends it as a deletion would: refused the same (400), in the modification's own
     * transaction, which is undone. One that moves the instance on (cancels a step, starts another) runs as before.
     */
    private <T> Command<T> endingNoRecordsProcess(ModifyProcessInstanceCmd modification, Command<T> command) {
        Object builder = read(MODIFICATION, modification);
        String id = builder == null ? null : (String) read(MODIFIED_INSTANCE, builder);
        return context -> {
            ExecutionEntity instance = id == null ? null : context.getExecutionManager().findExecutionById(id);
            T result = command.execute(context);
            if (instance != null && instance.isEnded()) {
                String key = instance.getProcessDefinition().getKey();
                for (EndsThroughItsRecord record : recordProcesses.orderedStream().toList()) {
                    if (record.processKey().equals(key)) {
                        throw new Refused("process instance " + id + " (" + key + ", business key "
                                + instance.getBusinessKey() + ") is not ended by a modification: it would leave its"
                                + " record open for good, with nothing to move it on. "
                                + record.howToEnd(instance.getBusinessKey()));
                    }
                }
            }
            return result;
        };
    }

    /** A 4xx for what the engine answers with a 500; for everyone. */
    private void checkAnswerable(Command<?> command) {
        if (command instanceof DeleteTaskCmd) {
            List<String> ids = new ArrayList<>();
            if (read(DELETED_TASK, command) instanceof String id) {
                ids.add(id);
            }
            if (read(DELETED_TASKS, command) instanceof java.util.Collection<?> many) {
                many.forEach(id -> ids.add(String.valueOf(id)));
            }
            for (String id : ids) {
                TaskEntity task = unchecked(id);
                if (task != null && (task.getExecutionId() != null || task.getCaseExecutionId() != null)) {
                    throw new BadUserRequestException("task " + id + " is part of a running process: it ends when it"
                            + " is completed with its form, it cannot be deleted");
                }
            }
        } else if (command instanceof GetDeployedTaskFormCmd && read(FORM_TASK, command) instanceof String id
                && unchecked(id) == null) {
            throw new NotFoundException(TaskDoneMeanwhile.notFound(id));
        }
    }

    private void checkGroupMay(String taskId, String group) {
        TaskEntity task = unchecked(taskId);
        if (task == null || Groups.SUPERVISORS.equals(group) || candidateGroups(task).contains(group)) {
            return; // no task: the engine says so
        }
        throw new AuthorizationException("group " + group + " may not be given this task: only supervisors may be"
                + " added to its candidate groups (" + String.join(", ", candidateGroups(task)) + ")");
    }

    private void checkUserMay(String taskId, String user) {
        TaskEntity task = unchecked(taskId);
        if (task == null) {
            return;
        }
        Set<String> groups = candidateGroups(task);
        boolean may = withoutAuthorization(() -> {
            if (configuration.getIdentityService().createUserQuery().userId(user).count() == 0) {
                return false;
            }
            if (candidateUsers(task).contains(user) || user.equals(modelsAssignee(taskId))) {
                return true;
            }
            return configuration.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId).anyMatch(g -> groups.contains(g) || Groups.SUPERVISORS.equals(g));
        });
        if (!may) {
            throw new AuthorizationException(user + " may not be given this task: only a member of its candidate"
                    + " groups (" + String.join(", ", groups) + "), the one its model assigns it to, or a supervisor may");
        }
    }

    /**
     * Whom the task's model gives it to ({@code camunda:assignee}, e.g. a pickup point's leader), as the
     * expression reads now; null when it names nobody. Called without authorization checks.
     */
    private String modelsAssignee(String taskId) {
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        TaskDefinition definition = task == null || task.getExecution() == null ? null : task.getTaskDefinition();
        if (definition == null || definition.getAssigneeExpression() == null) {
            return null;
        }
        try {
            return definition.getAssigneeExpression().getValue(task.getExecution()) instanceof String user ? user : null;
        } catch (RuntimeException cannotRead) {
            return null; // a variable it reads is gone: the model names nobody now
        }
    }

    /**
     * Whether the task's assignee is the one its model gives it to now (a pickup point's leader), not someone who
     * claimed it: a refusal then does not say they claimed it (exploratory test s14 tasklist, defect 12).
     */
    private boolean givenByModel(TaskEntity task) {
        return withoutAuthorization(() -> assignedByModel(task.getId())
                && task.getAssignee().equals(modelsAssignee(task.getId())));
    }

    /** Whether the task's model gives it to someone ({@code camunda:assignee}). Called without authorization checks. */
    private boolean assignedByModel(String taskId) {
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        return task != null && task.getExecution() != null && task.getTaskDefinition() != null
                && task.getTaskDefinition().getAssigneeExpression() != null;
    }

    /** Giving a task back: someone else must be offered it. */
    private void checkSomeoneElseMay(String taskId) {
        TaskEntity task = unchecked(taskId);
        if (task != null && task.getAssignee() != null && candidateGroups(task).isEmpty()
                && candidateUsers(task).isEmpty()) {
            throw new AuthorizationException("this task is offered to no group: it stays with its assignee "
                    + task.getAssignee());
        }
    }

    private void checkTaskChanges(TaskEntity changed, Authentication person) {
        TaskEntity stored = changed == null || changed.getId() == null ? null : unchecked(changed.getId());
        if (stored == null) {
            return; // a new task: the engine's CREATE permission decides
        }
        if (!Objects.equals(stored.getName(), changed.getName())) {
            // Tasklist sends back the whole task as it showed it, in Chinese with the name translated:
            // the task keeps its model's name, for everyone
            changed.setName(stored.getName());
        }
        if (!Objects.equals(stored.getDescription(), changed.getDescription())) {
            // and its description translated too: the model's stays
            changed.setDescription(stored.getDescription());
        }
        Set<String> fields = new LinkedHashSet<>();
        differs(fields, "priority", stored.getPriority(), changed.getPriority());
        differs(fields, "due", time(stored.getDueDate()), time(changed.getDueDate()));
        differs(fields, "owner", stored.getOwner(), changed.getOwner());
        differs(fields, "delegationState", stored.getDelegationState(), changed.getDelegationState());
        differs(fields, "parentTaskId", stored.getParentTaskId(), changed.getParentTaskId());
        differs(fields, "caseInstanceId", stored.getCaseInstanceId(), changed.getCaseInstanceId());
        differs(fields, "tenantId", stored.getTenantId(), changed.getTenantId());
        if (!fields.isEmpty()) {
            throw new AuthorizationException("of a task, its follow-up date and assignee may be changed, not its "
                    + String.join(", ", fields) + ": the model sets them");
        }
        if (!Objects.equals(stored.getAssignee(), changed.getAssignee())) {
            if (changed.getAssignee() == null) {
                checkGivenBack(stored.getId(), person.getUserId());
            } else {
                checkMayGive(stored.getId(), person, changed.getAssignee());
                checkUserMay(stored.getId(), changed.getAssignee());
            }
        }
    }

    private static void differs(Set<String> fields, String name, Object stored, Object changed) {
        if (!Objects.equals(stored, changed)) {
            fields.add(name);
        }
    }

    private static Long time(Date date) {
        return date == null ? null : date.getTime();
    }

    private static Set<String> candidateGroups(TaskEntity task) {
        return candidates(task, IdentityLinkEntity::getGroupId);
    }

    private static Set<String> candidateUsers(TaskEntity task) {
        return candidates(task, IdentityLinkEntity::getUserId);
    }

    /** The task's candidate groups or users, as {@code who} reads a candidate link. */
    private static Set<String> candidates(TaskEntity task, java.util.function.Function<IdentityLinkEntity, String> who) {
        Set<String> candidates = new LinkedHashSet<>();
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && who.apply(link) != null) {
                candidates.add(who.apply(link));
            }
        }
        return candidates;
    }

    /** The task as stored, with its candidates, whoever asks; null when there is none. */
    private TaskEntity unchecked(String taskId) {
        return withoutAuthorization(() -> {
            TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
            if (task != null) {
                task.getIdentityLinks().size(); // read while the command runs
            }
            return task;
        });
    }

    private <T> T withoutAuthorization(java.util.function.Supplier<T> read) {
        return WithoutAuthorization.read(configuration, context -> read.get());
    }
}
