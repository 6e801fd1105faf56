package io.dropflow.processengine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API as Camunda's starter sets it up, with one change: a task completion that a
 * task listener refused for the person's input ({@link OperatorInputRefused}) is a 400 with the
 * refusal's message, not a 500. The engine wraps every task-listener exception in a
 * ProcessEngineException (ENGINE-03051), and the REST API answers those with 500 and logs them as
 * its own errors (ENGINE-REST-HTTP500); the task stays open either way. And completing (or
 * submitting the form of) a task that does not exist, or no longer, is a 404 as reading it is, not
 * the 500 "Cannot find task" Camunda answers. Deleting a deployment whose processes still run, without
 * cascade, is a 409 ({@link InUse}), not a 500. A variable's value that is not what its type says is a 400
 * ({@link UnreadableValue}), and so is a JSON body of null ({@link NullBodyRefused}), and a query's
 * {@code firstResult} or {@code maxResults} that is no whole number from 0 to 2147483647 ({@link EngineQueryPaging}),
 * which was a 404 or an empty list. A failure of the database
 * (a value too long for its column, a constraint) is a 500 that quotes neither its message nor its SQL, with a
 * reference to the log ({@link PersistenceFailures}). A password that breaks the password policy (user create, credentials
 * update) is a 400 naming the rules it breaks ({@link PasswordPolicyRefused}), not a 500 logged at ERROR; so is a
 * user, group or tenant id the engine does not take, or none ({@link ResourceIdRefused}). A membership of a user, group
 * or tenant that is not there is the engine's own NotFoundException, a 400 ({@link IdentityStore}).
 *
 * <p>The same for the webapps' own engine API ({@code /camunda/api/engine}, which Tasklist submits
 * forms through): the webapp starter serves it with a Jersey servlet named "Engine Api" of its own,
 * which takes no resource config bean; the mapper is named to that servlet as a Jersey provider,
 * whichever of the two initializers runs first.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAnswers {

    /** Dropflow's answers, the same on the engine REST API and on the webapps' engine API (Tasklist, Cockpit). */
    static final java.util.List<Class<?>> MAPPERS = java.util.List.of(RefusedInput.class, ClaimedAlready.class,
            JsonVariablesShown.class, TaskDoneMeanwhile.Refused.class, InUse.class, UnreadableValue.class,
            PersistenceFailures.AnyFailure.class, PersistenceFailures.EngineFailure.class, UnreadableJsonBody.NotJson.class,
            UnreadableJsonBody.WrongShape.class);

    @Bean
    CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                super.registerAdditionalResources();
                MAPPERS.forEach(this::register);
            }
        };
    }

    /** A filter of ours on the engine REST API and the webapps' engine API (Tasklist, Cockpit, Admin), under its name. */
    private static <F extends jakarta.servlet.Filter> org.springframework.boot.web.servlet.FilterRegistrationBean<F>
            onTheEngineApis(F filter, String name) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName(name);
        return registration;
    }

    /** Tasklist's follow-up date: the task it sends back is read without its form reference (TaskFormRefIgnored). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<TaskFormRefIgnored> taskFormRefIgnored() {
        return onTheEngineApis(new TaskFormRefIgnored(), "taskFormRefIgnored");
    }

    /** A body of JSON null is a 400, not Camunda's 500 NullPointerException (NullBodyRefused). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<NullBodyRefused> nullBodyRefused() {
        return onTheEngineApis(new NullBodyRefused(), "nullBodyRefused");
    }

    /** A password that breaks the engine's password policy: a 400 naming the rules, not a 500 (PasswordPolicyRefused). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<PasswordPolicyRefused> passwordPolicyRefused(
            org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine) {
        return onTheEngineApis(new PasswordPolicyRefused(engine::getIfAvailable), "passwordPolicyRefused");
    }

    /** A user, group or tenant id the engine does not take: a 400 naming its rule, not a 500 (ResourceIdRefused). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<ResourceIdRefused> resourceIdRefused(
            org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine) {
        return onTheEngineApis(new ResourceIdRefused(engine::getIfAvailable), "resourceIdRefused");
    }

    /** A query's firstResult or maxResults that is no whole number from 0 to the most an int holds: a 400 naming it. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<EngineQueryPaging> engineQueryPaging() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new EngineQueryPaging());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setName("engineQueryPaging");
        return registration;
    }

    /** The webapps' engine API servlet's name, as the webapp starter registers it. */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    /** Only with the webapps: without them there is no such servlet, and none may be made here. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled",
            havingValue = "true", matchIfMissing = true)
    org.springframework.boot.web.servlet.ServletContextInitializer webappEngineApiAnswers(
            org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties properties) {
        return servletContext -> {
            jakarta.servlet.ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
            if (engineApi == null) {
                // First: registered as the starter would (it then leaves a servlet of this name alone)
                engineApi = servletContext.addServlet(WEBAPP_ENGINE_API, org.glassfish.jersey.servlet.ServletContainer.class);
                engineApi.addMapping(properties.getWebapp().getApplicationPath() + "/api/engine/*");
                engineApi.setInitParameter("jakarta.ws.rs.Application",
                        org.camunda.bpm.webapp.impl.engine.EngineRestApplication.class.getName());
            }
            engineApi.setInitParameter(org.glassfish.jersey.server.ServerProperties.PROVIDER_CLASSNAMES,
                    MAPPERS.stream().map(Class::getName).collect(java.util.stream.Collectors.joining(",")));
        };
    }

    /** Before Camunda's own mapper of the same exception (its rank is Jersey's default, 5000). */
    @Priority(1000)
    public static class RefusedInput implements ExceptionMapper<RestException> {

        /** The engine's words for a task, a job not there (pinned to the engine's wording by EngineMessagesTest). */
        private static final String NO_SUCH_TASK = EngineMessages.NO_SUCH_TASK;
        private static final String NO_SUCH_JOB = EngineMessages.NO_SUCH_JOB;

        /**
         * How the engine API's comments and attachments of a task say they did not find it: they look it up
         * in the history, which the caller may not read (operators: their tasks, not the history).
         */
        private static final String NO_TASK_FOUND = EngineMessages.NO_TASK_FOUND;

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @jakarta.ws.rs.core.Context
        jakarta.ws.rs.core.UriInfo request;

        @Override
        public Response toResponse(RestException e) {
            // First: a completion whose task another completed meanwhile is done, whatever the second one hit
            // on the way (a listener that found no decision, a locking conflict): not the person's input.
            String gone = TaskDoneMeanwhile.goneMessage(e, TaskDoneMeanwhile::exists);
            if (gone != null) {
                return camunda.toResponse(new RestException(Response.Status.NOT_FOUND, e, gone));
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OperatorInputRefused || t instanceof StartedByDropflowOnly.Refused) {
                    return camunda.toResponse(new RestException(Response.Status.BAD_REQUEST, e, t.getMessage()));
                }
                if (t instanceof org.camunda.bpm.engine.SuspendedEntityInteractionException) {
                    // a process an administrator suspended in Cockpit: a 409 saying so, not a 500 (s14 judge 10)
                    return camunda.toResponse(new RestException(Response.Status.CONFLICT, e, t.getMessage()
                            .replaceAll("\\.+$", "") + ": its process is suspended (an administrator suspended it in"
                            + " Cockpit); nothing is done on it until it is resumed (Cockpit: the process instance,"
                            + " Activate)"));
                }
                if (t.getMessage() != null && t.getMessage().contains(NO_SUCH_JOB)) {
                    // a job retried twice (Cockpit's Retry clicked again): gone, not broken
                    return camunda.toResponse(new RestException(Response.Status.NOT_FOUND, e, t.getMessage()));
                }
                if (t == e && t.getMessage() != null && t.getMessage().startsWith(NO_TASK_FOUND)) {
                    Response unread = historyNotReadable(t.getMessage().substring(NO_TASK_FOUND.length()).trim());
                    if (unread != null) {
                        return unread;
                    }
                }
                if (t instanceof NullValueException && t.getMessage() != null
                        && t.getMessage().startsWith(NO_SUCH_TASK)) {
                    return camunda.toResponse(new RestException(Response.Status.NOT_FOUND, e,
                            t.getMessage().replaceFirst(": task is null$", "") + TaskDoneMeanwhile.GONE));
                }
            }
            // a task done meanwhile that the request is about (its form, its form variables, the task itself): a 404;
            // its comments and attachments, read in the history, say so themselves
            Response goneTask = e.getMessage() != null && e.getMessage().startsWith(NO_TASK_FOUND) ? null
                    : TaskDoneMeanwhile.goneAnswer(request, e, TaskDoneMeanwhile::exists);
            if (goneTask != null) {
                return goneTask;
            }
            if ((e.getStatus() == null || e.getStatus().getStatusCode() >= 500) && PersistenceFailures.persistence(e)) {
                // the engine API quotes its cause's message ("Cannot complete task …: … SQL [update …]"); a 4xx the
                // engine made of it stays ("Variable value is too long": the caller's)
                return PersistenceFailures.unexpected(e);
            }
            return camunda.toResponse(e);
        }
    }

    /**
     * A 403 that says why, for a task that is there but whose history the person may not read; null
     * when it is not there (or the caller is nobody).
     */
    static Response historyNotReadable(String taskId) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        Authentication who = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
        if (who == null || who.getUserId() == null || taskId.isEmpty()) {
            return null;
        }
        boolean there = WithoutAuthorization.read((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(),
                context -> context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId) != null
                        || context.getTaskManager().findTaskById(taskId) != null);
        if (!there) {
            return null;
        }
        return new ProcessEngineExceptionHandler().toResponse(new AuthorizationException(who.getUserId()
                + " may not read the history of task " + taskId + ", where its comments and attachments are kept:"
                + " supervisors may"));
    }

    /**
     * Claiming a task someone else has claimed meanwhile (two operators in Tasklist at once): a 409, as
     * Dropflow's own conflicts are, not the engine API's 500. The more specific mapper wins over Camunda's
     * own for its ProcessEngineException.
     */
    public static class ClaimedAlready implements ExceptionMapper<TaskAlreadyClaimedException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(TaskAlreadyClaimedException e) {
            return camunda.toResponse(new RestException(Response.Status.CONFLICT, e, e.getMessage()));
        }
    }

    /**
     * Deleting without cascade a deployment (or process definition) whose processes still run: a 409 that says
     * why, not the engine's 500 (ENGINE-03076); and a deployment whose start message another process has (ENGINE-01011).
     * {@link ModelDeploymentRights} gives the engine's refusal its type.
     */
    public static class InUse implements ExceptionMapper<ModelDeploymentRights.Conflict> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(ModelDeploymentRights.Conflict e) {
            return camunda.toResponse(new RestException(Response.Status.CONFLICT, e, e.getMessage()));
        }
    }

    /**
     * A variable's value the engine API cannot turn into its type (a {@code "File"} without its valueInfo): a 400
     * naming the problem, not the 500 Camunda answered (an exploratory test; the task stayed open). Only where the
     * engine API turns a variable sent into a typed value ({@code VariableValueDto}); elsewhere as Camunda answers it.
     * A value read later (Json that is no JSON, Xml without its format) is refused by the completion's check
     * ({@link TaskAnswers}).
     */
    public static class UnreadableValue implements ExceptionMapper<IllegalArgumentException> {

        @Override
        public Response toResponse(IllegalArgumentException e) {
            return unreadableValue(e);
        }
    }

    private static Response unreadableValue(IllegalArgumentException e) {
        boolean readingAVariable = java.util.Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals("org.camunda.bpm.engine.rest.dto.VariableValueDto"));
        if (!readingAVariable) {
            return new org.camunda.bpm.engine.rest.exception.ExceptionHandler().toResponse(e);
        }
        return new RestExceptionHandler().toResponse(new RestException(Response.Status.BAD_REQUEST, e,
                "A variable's value is not what its type says: " + e.getMessage()));
    }
}
