package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.REVIEW_DECISION;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;

import io.dropflow.order.internal.Sourcing;
import io.dropflow.order.process.OrderFulfillmentProcess.ReviewDecision;
import io.dropflow.processengine.OperatorInputRefused;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses "proceed" on the review task while ranking would keep no supplier and a missing exchange rate leaves
 * out one that offers the whole order: the order would be out of stock although that supplier may have stock
 * (exploratory test of the demo). Ranking's own filter decides, for the round that comes next: a supplier that
 * can be converted but that supplier-selection.dmn gives no tier (out of stock, a score too low) or that
 * declined the order for good does not let "proceed" through (second review, session 10). The operator reads
 * which rate is missing in Tasklist, and the task stays open until the rate is added (or the order rejected).
 */
@Component("checkReviewDecision")
class CheckReviewDecision implements TaskListener {

    private final Sourcing sourcing;

    CheckReviewDecision(Sourcing sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public void notify(DelegateTask task) {
        if (REVIEW_DECISION.from(task, null) != ReviewDecision.PROCEED) {
            return;
        }
        List<String> problems = sourcing.exchangeRateProblems(ORDER_ID.from(task),
                SOURCING_ROUND.from(task, 0L) + 1); // the round "proceed" goes on to rank
        if (!problems.isEmpty()) {
            // each problem says which rate to add ("no exchange rate from DKK to EUR, …: add one …, then proceed")
            throw new OperatorInputRefused.Refusal(String.join("; ", problems));
        }
    }
}
