package io.dropflow.order.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * Two operators complete the same task at the same moment, with different decisions (exploratory test,
 * December 2026: the second got a 500 with the engine's internals). One decision is taken; the other is
 * told the task is done, a 404 as for any task done already, never a 500.
 */
@DropflowTest
class TaskCompletedTwiceAtOnceTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void oneDecisionIsTakenAndTheOtherIsToldTheTaskIsDone() throws Exception {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        ExecutorService operators = Executors.newFixedThreadPool(2);
        List<Integer> answers = new ArrayList<>();
        try {
            for (int round = 0; round < 6; round++) {
                DropflowDriver.Placed placed = dropflow.place(DropflowDriver.order("SHOP-" + java.util.UUID.randomUUID(),
                        "DEMO-MUG", 1, "15.00", "PO Box 42"));
                dropflow.runJobs(placed.orderId());
                String task = engine.getTaskService().createTaskQuery()
                        .processInstanceId(dropflow.processInstanceId(placed.orderId())).singleResult().getId();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<ResponseEntity<String>>> both = List.of(
                        operators.submit(() -> complete(dropflow, together, task,
                                "{\"reviewDecision\": {\"value\": \"proceed\"}}")),
                        operators.submit(() -> complete(dropflow, together, task,
                                "{\"reviewDecision\": {\"value\": \"reject\"}, \"operatorNote\": {\"value\": \"no PO boxes\"}}")));
                List<Integer> statuses = new ArrayList<>();
                for (Future<ResponseEntity<String>> answer : both) {
                    ResponseEntity<String> response = answer.get();
                    statuses.add(response.getStatusCode().value());
                    if (response.getStatusCode().value() == 404) {
                        assertThat(response.getBody()).contains(task).contains("does not exist, or is done");
                    }
                }
                assertThat(statuses).as("round " + round + ": " + both.get(0).get().getBody() + " / "
                        + both.get(1).get().getBody()).containsExactlyInAnyOrder(204, 404);
                answers.addAll(statuses);
            }
        } finally {
            operators.shutdownNow();
        }
        assertThat(answers).doesNotContain(500);
    }

    private static ResponseEntity<String> complete(DropflowDriver dropflow, CyclicBarrier together, String task,
            String variables) throws Exception {
        together.await();
        return dropflow.postRaw("/engine-rest/task/" + task + "/complete", "{\"variables\": " + variables + "}",
                DropflowDriver.asOperator());
    }
}
