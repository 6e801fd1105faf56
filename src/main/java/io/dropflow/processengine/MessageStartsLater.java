package io.dropflow.processengine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * A process started by its start message later, in a job of its own, instead of in the caller's
 * transaction (ADR 19, second addendum). The caller's transaction writes one job row, which names
 * the message, the business key and the start variables; the job starts the process when the job
 * executor takes it, by its priority, like any other job. The job belongs to no process instance:
 * whatever happens meanwhile to the instance that sent the message (a reroute, a cancellation, its
 * end) leaves it alone. A failed start is tried again every two minutes ({@link #RETRY_CYCLE}); after
 * the last try the job is an incident of the started process's definition in Cockpit, and retrying it
 * starts the process, once.
 *
 * <p>Start variables hold what a process variable stores (ProcessVariable): Long, Boolean, text and
 * Date; anything else is refused when the job is written.
 */
@Component
public class MessageStartsLater extends AbstractProcessEnginePlugin {

    /** The job handler's type, in ACT_RU_JOB.HANDLER_TYPE_. */
    static final String TYPE = "dropflow-start-by-message";

    /**
     * A failed start is tried again every two minutes, five times in all, as a partner call is (the engine
     * applies no retry cycle to a job outside a model's activity: it would try three times at once).
     */
    static final String RETRY_CYCLE = "R5/PT2M";

    /** What a job's configuration may hold: HANDLER_CFG_ is indexed, and PostgreSQL's index rows hold about 2 700 bytes. */
    static final int MOST_CONFIGURATION_CHARACTERS = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The engine this plugin serves, for {@link #sendFromOutsideTheEngine}. */
    private ProcessEngineConfigurationImpl engine;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(new Starter());
        configuration.setCustomJobHandlers(handlers);
        configuration.setFailedJobCommandFactory(RetryLater::new);
    }

    /**
     * In the transaction of the command running now (a delegate's, a listener's), a job that starts
     * the latest version of {@code processKey} by {@code message} at {@code priority}.
     *
     * @param variables the start variables, as {@link ProcessVariable#stored} gives them
     * @throws IllegalStateException outside an engine command
     * @throws IllegalArgumentException for a start variable of another type, no business key, or more than
     *     {@link #MOST_CONFIGURATION_CHARACTERS} characters of business key and variables
     * @throws org.camunda.bpm.engine.ProcessEngineException for a process key not deployed
     */
    public void send(ModelMessage message, String processKey, String businessKey, Map<String, Object> variables,
            long priority) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            throw new IllegalStateException("a message is sent later only from within the engine's transaction");
        }
        if (businessKey == null) {
            throw new IllegalArgumentException("a message sent later names the business key of what it starts");
        }
        String start = new Start(message.messageName(), businessKey, variables).toCanonicalString();
        if (start.length() > MOST_CONFIGURATION_CHARACTERS) {
            throw new IllegalArgumentException("a message sent later carries at most " + MOST_CONFIGURATION_CHARACTERS
                    + " characters of business key and variables; send ids, not documents");
        }
        ProcessDefinitionEntity definition = command.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedLatestProcessDefinitionByKey(processKey);
        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(TYPE);
        job.setJobHandlerConfigurationRaw(start);
        job.setPriority(priority);
        // No process instance to keep single-threaded: the job executor takes it like any other.
        job.setExclusive(false);
        // Cockpit shows an incident of the job under the process it starts (its version when the job was
        // written; the job starts the latest). Suspending that definition with its instances suspends the job too.
        job.setProcessDefinitionId(definition.getId());
        job.setProcessDefinitionKey(definition.getKey());
        command.getJobManager().send(job);
    }

    /**
     * {@link #send}, from code outside the engine's commands (an event listener in a webhook's transaction): the
     * job is written by a command of its own that joins the caller's transaction, so it commits or rolls back with
     * it. Nothing is started in the caller's transaction: a start that would fail (the process suspended, its start
     * message renamed in a newer version) fails the job, which is retried and then an incident in Cockpit, instead
     * of the caller.
     */
    public void sendFromOutsideTheEngine(ModelMessage message, String processKey, String businessKey,
            Map<String, Object> variables, long priority) {
        if (engine == null) {
            throw new IllegalStateException("the engine has not started with " + getClass().getSimpleName());
        }
        engine.getCommandExecutorTxRequired().execute(command -> {
            send(message, processKey, businessKey, variables, priority);
            return null;
        });
    }

    /** The jobs still waiting to start a process with this business key, oldest first. */
    public static List<Job> waiting(ProcessEngine engine, String processKey, String businessKey) {
        return engine.getManagementService().createJobQuery().processDefinitionKey(processKey).list().stream()
                .filter(job -> isOne(job) && job.getProcessInstanceId() == null
                        && businessKey.equals(Start.parse(((JobEntity) job).getJobHandlerConfigurationRaw()).businessKey()))
                .sorted(java.util.Comparator.comparing(Job::getCreateTime)).toList();
    }

    /** The jobs still waiting to start {@code processKey} with this start variable's value, oldest first. */
    public static List<Job> waitingWith(ProcessEngine engine, String processKey, String variable, Object value) {
        return engine.getManagementService().createJobQuery().processDefinitionKey(processKey).list().stream()
                .filter(job -> isOne(job) && job.getProcessInstanceId() == null && value.equals(
                        Start.parse(((JobEntity) job).getJobHandlerConfigurationRaw()).variables().get(variable)))
                .sorted(java.util.Comparator.comparing(Job::getCreateTime)).toList();
    }

    /** Whether a job is one of these (for the history kept, which treats it as a process instance's job). */
    static boolean isOne(Job job) {
        return job instanceof JobEntity entity && TYPE.equals(entity.getJobHandlerType());
    }

    /** What the job starts: a message, a business key, typed start variables. */
    record Start(String messageName, String businessKey, Map<String, Object> variables)
            implements JobHandlerConfiguration {

        @Override
        public String toCanonicalString() {
            ObjectNode json = JSON.createObjectNode().put("message", messageName).put("businessKey", businessKey);
            ObjectNode values = json.putObject("variables");
            variables.forEach((name, value) -> {
                ObjectNode typed = values.putObject(name);
                if (value instanceof Long || value instanceof Integer) {
                    typed.put("long", ((Number) value).longValue());
                } else if (value instanceof Boolean flag) {
                    typed.put("boolean", flag);
                } else if (value instanceof String text) {
                    typed.put("text", text);
                } else if (value instanceof Date moment) {
                    typed.put("date", moment.toInstant().toString());
                } else {
                    throw new IllegalArgumentException("start variable " + name + " holds "
                            + (value == null ? "null" : "a " + value.getClass().getSimpleName())
                            + ", which a message sent later cannot carry");
                }
            });
            return json.toString();
        }

        static Start parse(String canonical) {
            try {
                JsonNode json = JSON.readTree(canonical);
                Map<String, Object> variables = new LinkedHashMap<>();
                json.path("variables").fields().forEachRemaining(field -> {
                    JsonNode typed = field.getValue();
                    Object value = typed.has("long") ? (Object) typed.get("long").asLong()
                            : typed.has("boolean") ? (Object) typed.get("boolean").asBoolean()
                            : typed.has("text") ? typed.get("text").asText()
                            : Date.from(Instant.parse(typed.get("date").asText()));
                    variables.put(field.getKey(), value);
                });
                return new Start(json.get("message").asText(), json.get("businessKey").asText(), variables);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a message sent later cannot be read back: " + canonical, e);
            }
        }
    }

    /** The engine's retry of a failed job, with {@link #RETRY_CYCLE} for these jobs. */
    static final class RetryLater extends DefaultJobRetryCmd {

        RetryLater(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext command) {
            JobEntity job = getJob();
            if (job == null || !isOne(job)) {
                return super.execute(command);
            }
            try {
                executeCustomStrategy(command, job, null);
            } catch (Exception e) {
                throw new IllegalStateException("the retry cycle " + RETRY_CYCLE + " cannot be applied", e);
            }
            return null;
        }

        @Override
        public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
            return isOne(job) ? ParseUtil.parseRetryIntervals(RETRY_CYCLE) : super.getFailedJobRetryConfiguration(job, activity);
        }

        /**
         * The cycle as configured, then {@link RetriedAtMost}: a step the partner asks to retry at most n
         * times has no retries left once it failed 1 + n times (its retries start at the cycle's count).
         */
        @Override
        protected void executeCustomStrategy(CommandContext command, JobEntity job, ActivityImpl activity) throws Exception {
            super.executeCustomStrategy(command, job, activity);
            Integer most = RetriedAtMost.in(exception);
            FailedJobRetryConfiguration cycle = most == null ? null : getFailedJobRetryConfiguration(job, activity);
            if (cycle != null && job.getRetries() > 0 && cycle.getRetries() - job.getRetries() > most) {
                job.setRetries(0);
            }
        }
    }

    /** The job handler: starts the process by its message, in the job's transaction. */
    static final class Starter implements JobHandler<Start> {

        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public void execute(Start start, ExecutionEntity execution, CommandContext command, String tenantId) {
            try {
                command.getProcessEngineConfiguration().getRuntimeService()
                        .startProcessInstanceByMessage(start.messageName(), start.businessKey(), start.variables());
            } catch (org.camunda.bpm.engine.ProcessEngineException failed) {
                throw new org.camunda.bpm.engine.ProcessEngineException(notStarted(start, command, failed), failed);
            }
        }

        /**
         * What the incident says (Cockpit shows the last try's message): what it starts, by the business key and
         * the ids among its variables (a delay notice's order), why it could not, and what to do. Exploratory test
         * s12: the engine's "No process definition matches the parameters" read as if the model were missing.
         */
        static String notStarted(Start start, CommandContext command, Exception failed) {
            var definitions = command.getProcessEngineConfiguration().getRepositoryService().createProcessDefinitionQuery()
                    .messageEventSubscriptionName(start.messageName()).latestVersion().list();
            String process = definitions.isEmpty() ? "a process" : "process " + definitions.get(0).getKey();
            String ids = start.variables().entrySet().stream().filter(v -> v.getValue() instanceof Long)
                    .map(v -> v.getKey() + " " + v.getValue()).collect(java.util.stream.Collectors.joining(", "));
            String why = definitions.stream().anyMatch(org.camunda.bpm.engine.repository.ProcessDefinition::isSuspended)
                    ? "its process definition is suspended. Activate it (Cockpit: the process definition, Activate), then"
                            + " retry this job: it starts the process once."
                    : "fix the cause below (a node without this job's handler during a rolling update, the start"
                            + " message renamed), then retry this job: it starts the process once.";
            return "Could not start " + process + " by message '" + start.messageName() + "' for business key "
                    + start.businessKey() + (ids.isEmpty() ? "" : " (" + ids + ")") + ": " + why + " The engine said: "
                    + failed.getMessage();
        }

        @Override
        public Start newConfiguration(String canonical) {
            return Start.parse(canonical);
        }

        @Override
        public void onDelete(Start start, JobEntity job) {
            // nothing of its own to clean up
        }
    }
}
