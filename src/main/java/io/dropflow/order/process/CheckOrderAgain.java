package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_VALID;
import static io.dropflow.order.process.OrderFulfillmentProcess.REVIEWED_PROBLEMS;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;
import static io.dropflow.order.process.OrderFulfillmentProcess.VALIDATION_PROBLEMS;

import io.dropflow.order.internal.Sourcing;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the operator proceeded on "Review order": validates the order again, with the rates and offers of
 * now. The operator accepted the kinds of problem the review showed; a problem of another kind (the margin
 * of an order whose missing rate has been added since: a 1.00 CHF mug sold below cost, exploratory test)
 * sends the order back to review with every problem it has now, the new ones named on its timeline. Sets
 * {@code orderValid} for the gateway behind (not stored), and on the way back the review's problems. The review's
 * text ({@code validationProblems}, as it showed them) is read too: a problem accepted by the kinds of an earlier
 * release's review only if that review named its line (review s18, F9).
 */
@Component("checkOrderAgain")
class CheckOrderAgain implements JavaDelegate {

    private final Sourcing sourcing;
    private final OrderDeadlineValues deadlines;

    CheckOrderAgain(Sourcing sourcing, OrderDeadlineValues deadlines) {
        this.sourcing = sourcing;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> reviewed = REVIEWED_PROBLEMS.from(execution, "").lines().toList();
        Sourcing.Recheck recheck = sourcing.checkAgain(ORDER_ID.from(execution), deadlines.minimumMarginRate(execution),
                reviewed, VALIDATION_PROBLEMS.from(execution, ""), SOURCING_ROUND.from(execution, 0L) + 1);
        ORDER_VALID.setForThisStep(execution, recheck.unseen().valid()); // "New problem?" is the next element
        if (!recheck.unseen().valid()) {
            VALIDATION_PROBLEMS.set(execution, recheck.now().summary()); // the next review shows them all
            REVIEWED_PROBLEMS.set(execution, String.join("\n", recheck.now().kinds()));
        }
    }
}
