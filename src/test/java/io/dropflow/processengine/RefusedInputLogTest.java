package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A refused task completion is the operator's input mistake, not a fault: the engine does not log
 * it as an ERROR with its stack trace (ENGINE-16004), only at DEBUG, as it does a
 * BadUserRequestException. A command that fails for any other reason is still an ERROR.
 */
@DropflowTest
class RefusedInputLogTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    DropflowDriver dropflow;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
    }

    private long orderToReview() {
        DropflowDriver.Placed placed = dropflow.place(DropflowDriver.order("SHOP-" + java.util.UUID.randomUUID(),
                "DEMO-MUG", 1, "15.00", "PO Box 42"));
        dropflow.runJobs(placed.orderId());
        assertThat(dropflow.process(placed.orderId())).isWaitingAt(OrderFulfillmentProcess.Element.REVIEW_ORDER.id());
        return placed.orderId();
    }

    private <T> T run(Command<T> command) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(command);
    }

    private java.util.List<ILoggingEvent> errors() {
        return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }

    /** Exploratory finding 3: each refusal logged ENGINE-16004 at ERROR with ~178 lines of stack trace. */
    @Test
    void aRefusedCompletionLogsNoError() {
        long order = orderToReview();
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(dropflow.processInstanceId(order))
                .singleResult();
        logged.list.clear();

        ResponseEntity<String> answer = dropflow.postRaw("/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\": {\"reviewDecision\": {\"value\": \"PROCEED\"}}}", DropflowDriver.asOperator());

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(errors()).as("nothing at WARN or ERROR").isEmpty();
        assertThat(logged.list).as("no stack trace at INFO either").allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }

    @Test
    void aRefusalWrappedByTheEngineLogsNoErrorButAnotherFailureDoes() {
        // as the engine wraps what a task listener throws (ENGINE-03051)
        assertThatThrownBy(() -> run(context -> {
            throw new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
                    new OperatorInputRefused.Refusal("rejectionReason is required"));
        })).hasRootCauseInstanceOf(OperatorInputRefused.Refusal.class);
        assertThat(errors()).isEmpty();

        assertThatThrownBy(() -> run(context -> {
            throw new IllegalStateException("the database is gone");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(errors()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("ENGINE-16004");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the database is gone");
        });
    }
}
