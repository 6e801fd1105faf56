package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Exploratory test s10 (D4): a failure of the database reached the engine API's answer with its message, the SQL
 * statement in it ({@code "type": "DataIntegrityViolationException", "message": "could not execute statement [Value
 * too long for column … SQL [update supplier_application set …]"}), in Tasklist too. Answered as Dropflow's own API
 * answers its faults: a 500 with a reference, neither the message nor the SQL; any other failure as Camunda does.
 */
class PersistenceFailuresTest {

    private static final String SQL_FAILURE = "could not execute statement [Value too long for column"
            + " \"DOCUMENTS_NOTE CHARACTER VARYING(2000)\"] [update supplier_application set documents_note=? where id=?];"
            + " SQL [update supplier_application set documents_note=? where id=?]";

    @Test
    void aDatabaseFailureIsA500WithAReferenceAndNoMessage() {
        assertUnexpected(new PersistenceFailures.AnyFailure().toResponse(new DataIntegrityViolationException(SQL_FAILURE)));
        assertUnexpected(new PersistenceFailures.EngineFailure().toResponse(new ProcessEngineException(
                "ENGINE-03004 Exception while executing Database Operation " + SQL_FAILURE, new SQLException(SQL_FAILURE))));
        // the engine API's own wrapping of a failed command: "Cannot complete task …: " and the cause's message
        assertUnexpected(new EngineRestAnswers.RefusedInput().toResponse(new RestException(
                Response.Status.INTERNAL_SERVER_ERROR, new DataIntegrityViolationException(SQL_FAILURE),
                "Cannot complete task 42: " + SQL_FAILURE)));
        // as a completion whose listener's update failed on PostgreSQL reached it (text with U+0000, before it was refused)
        assertUnexpected(new EngineRestAnswers.RefusedInput().toResponse(new RestException(
                Response.Status.INTERNAL_SERVER_ERROR, new ProcessEngineException("ENGINE-03051 There was an exception"
                        + " while invoking the TaskListener. Message: '" + SQL_FAILURE + "'",
                        new DataIntegrityViolationException(SQL_FAILURE)), "Cannot submit task form 42: " + SQL_FAILURE)));
    }

    /** The engine's answer of the caller's error, made of a database failure, stays the caller's. */
    @Test
    void aValueTheEngineFoundTooLongStaysTheCallersError() {
        Response answer = new EngineRestAnswers.RefusedInput().toResponse(new RestException(Response.Status.BAD_REQUEST,
                new org.camunda.bpm.engine.BadUserRequestException("Variable value is too long",
                        new org.camunda.bpm.engine.ProcessEnginePersistenceException(
                                "An exception occurred in the persistence layer", new SQLException(SQL_FAILURE))),
                "Cannot put execution variable longText: Variable value is too long"));
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(((org.camunda.bpm.engine.rest.dto.ExceptionDto) answer.getEntity()).getMessage())
                .isEqualTo("Cannot put execution variable longText: Variable value is too long");
    }

    @Test
    void anyOtherFailureIsAnsweredAsCamundaAnswersIt() {
        Response engine = new PersistenceFailures.EngineFailure().toResponse(new ProcessEngineException("ENGINE-1 not found"));
        assertThat(engine.getStatus()).isEqualTo(500);
        assertThat(((org.camunda.bpm.engine.rest.dto.ExceptionDto) engine.getEntity()).getMessage())
                .isEqualTo("ENGINE-1 not found");
        Response other = new PersistenceFailures.AnyFailure().toResponse(new IllegalStateException("what Camunda says"));
        assertThat(other.getStatus()).isEqualTo(500);
        assertThat(((org.camunda.bpm.engine.rest.dto.ExceptionDto) other.getEntity()).getMessage())
                .isEqualTo("what Camunda says");
    }

    private static void assertUnexpected(Response answer) {
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getEntity()).isInstanceOf(Map.class);
        Map<?, ?> body = (Map<?, ?>) answer.getEntity();
        assertThat(body.get("message").toString())
                .startsWith("unexpected error; nothing was lost, the request can be retried. Reference ")
                .endsWith(body.get("reference").toString());
        assertThat(body.toString()).doesNotContain("SQL").doesNotContain("supplier_application")
                .doesNotContain("DataIntegrityViolation");
    }
}
