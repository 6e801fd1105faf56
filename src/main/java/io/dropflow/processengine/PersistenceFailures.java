package io.dropflow.processengine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure of the database reaching the engine REST API or the webapps' engine API (Tasklist's): a 500 in the
 * engine API's error format that quotes neither the exception's message nor its SQL, with a reference, the failure
 * logged under it, as Dropflow's own API answers what is its fault. Camunda answers every exception with its message:
 * a note too long for its column on H2 was {@code "type": "DataIntegrityViolationException", "message": "could not
 * execute statement [Value too long for column … SQL [update supplier_application set …]"}, shown to the operator in
 * Tasklist (an exploratory test). The command's transaction is rolled back: nothing was taken, the task stays open.
 * Any other failure is answered as Camunda answers it, and so is one the engine answers as the caller's (a 4xx:
 * "Variable value is too long", the engine's own reading of a value too long for its column).
 */
final class PersistenceFailures {

    private static final Logger log = LoggerFactory.getLogger(PersistenceFailures.class);

    /** What the answer says instead of the failure's message. */
    static final String UNEXPECTED = "unexpected error; nothing was lost, the request can be retried. Reference ";

    /** The failures, by class name, that come from the database (the names: not every class is on every classpath). */
    private static final Set<String> PERSISTENCE = Set.of("org.springframework.dao.DataAccessException",
            "org.springframework.transaction.TransactionException", "java.sql.SQLException",
            "org.apache.ibatis.exceptions.PersistenceException", "jakarta.persistence.PersistenceException",
            "org.hibernate.HibernateException", ProcessEnginePersistenceException.class.getName());

    private PersistenceFailures() {
    }

    /** Whether {@code failure} or one of its causes is the database's. */
    static boolean persistence(Throwable failure) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                if (PERSISTENCE.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The 500 that names only a reference; the failure is logged under it. */
    static Response unexpected(Throwable failure) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error on the engine API, reference {}", reference, failure);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InternalServerError");
        body.put("message", UNEXPECTED + reference);
        body.put("code", null);
        body.put("reference", reference);
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /**
     * Any exception the engine's resources let through (a Spring {@code DataIntegrityViolationException} from the
     * commit of a completion's transaction); before Camunda's own mapper of every exception. A completion's failure
     * whose task was done meanwhile is a 404 first ({@link TaskDoneMeanwhile#goneAnswer}: the engine's
     * NullPointerException of the second of two completions at the same moment).
     */
    @Priority(1000)
    public static class AnyFailure implements ExceptionMapper<Throwable> {

        @jakarta.ws.rs.core.Context
        jakarta.ws.rs.core.UriInfo request;

        @Override
        public Response toResponse(Throwable e) {
            Response gone = TaskDoneMeanwhile.goneAnswer(request, e, TaskDoneMeanwhile::exists);
            if (gone != null) {
                return gone;
            }
            boolean ours = org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper.getInstance().getStatus(e)
                    .getStatusCode() >= 500;
            return ours && persistence(e) ? unexpected(e) : new ExceptionHandler().toResponse(e);
        }
    }

    /**
     * The engine's own exceptions the resources let through; before Camunda's own mapper of them. A request about a
     * task that is gone (claiming it, its identity links: the engine's "Cannot find task with id …: task is null", a
     * 500) is a 404 first ({@link TaskDoneMeanwhile#goneAnswer}).
     */
    @Priority(1000)
    public static class EngineFailure implements ExceptionMapper<ProcessEngineException> {

        @jakarta.ws.rs.core.Context
        jakarta.ws.rs.core.UriInfo request;

        @Override
        public Response toResponse(ProcessEngineException e) {
            Response gone = TaskDoneMeanwhile.goneAnswer(request, e, TaskDoneMeanwhile::exists);
            if (gone != null) {
                return gone;
            }
            boolean ours = org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper.getInstance().getStatus(e)
                    .getStatusCode() >= 500;
            return ours && persistence(e) ? unexpected(e) : new ProcessEngineExceptionHandler().toResponse(e);
        }
    }
}
