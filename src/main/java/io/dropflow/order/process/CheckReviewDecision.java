package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.REVIEW_DECISION;

import io.dropflow.order.internal.Sourcing;
import io.dropflow.processengine.OperatorInputRefused;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses "proceed" on the review task while a missing exchange rate leaves out every supplier that offers
 * the whole order: ranking would find none, and the order would be out of stock although the suppliers have
 * stock (exploratory test of the demo). The operator reads which rate is missing in Tasklist, and the task
 * stays open until the rate is added (or the order rejected).
 */
@Component("checkReviewDecision")
class CheckReviewDecision implements TaskListener {

    private final Sourcing sourcing;

    CheckReviewDecision(Sourcing sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!"proceed".equals(REVIEW_DECISION.from(task, ""))) {
            return;
        }
        List<String> problems = sourcing.exchangeRateProblems(ORDER_ID.from(task));
        if (!problems.isEmpty()) {
            // each problem says which rate to add ("no exchange rate from DKK to EUR, …: add one …, then proceed")
            throw new OperatorInputRefused.Refusal(String.join("; ", problems));
        }
    }
}
