package io.dropflow.processengine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.exception.NullValueException;
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
 * the 500 "Cannot find task" Camunda answers.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAnswers {

    @Bean
    CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                super.registerAdditionalResources();
                register(RefusedInput.class);
            }
        };
    }

    /** Before Camunda's own mapper of the same exception (its rank is Jersey's default, 5000). */
    @Priority(1000)
    public static class RefusedInput implements ExceptionMapper<RestException> {

        /** How the engine's commands on a task (complete, submit form, resolve) say it is not there. */
        private static final String NO_SUCH_TASK = "Cannot find task with id ";

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OperatorInputRefused) {
                    return camunda.toResponse(new RestException(Response.Status.BAD_REQUEST, e, t.getMessage()));
                }
                if (t instanceof NullValueException && t.getMessage() != null
                        && t.getMessage().startsWith(NO_SUCH_TASK)) {
                    return camunda.toResponse(new RestException(Response.Status.NOT_FOUND, e,
                            t.getMessage().replaceFirst(": task is null$", "") + " (it does not exist, or is done)"));
                }
            }
            return camunda.toResponse(e);
        }
    }
}
