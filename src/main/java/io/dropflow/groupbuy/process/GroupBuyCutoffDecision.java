package io.dropflow.groupbuy.process;

import io.dropflow.groupbuy.internal.CutoffTable;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** group-buy-cutoff.dmn as deployed, evaluated by the engine (the latest version analysts deployed). */
@Component
class GroupBuyCutoffDecision implements CutoffTable {

    private final DecisionService decisions;

    GroupBuyCutoffDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Terms termsFor(String pickupPoint, String country, String region) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(GroupBuyBatchProcess.CUTOFF_DECISION)
                .variables(Map.of("pickupPoint", pickupPoint, "country", country, "region", region))
                .evaluate().getSingleResult();
        if (result == null) {
            throw new IllegalStateException("group-buy-cutoff.dmn has no rule for pickup point " + pickupPoint + " ("
                    + country + ", " + region + ")");
        }
        return new Terms(LocalTime.parse(text(result, "cutoffTime")), text(result, "cutoffEvery"),
                ((Number) result.getEntry("deliveryDays")).intValue(), Duration.parse(text(result, "collectWithin")),
                Duration.parse(text(result, "confirmReceiptWithin")));
    }

    private static String text(DmnDecisionResultEntries result, String output) {
        Object value = result.getEntry(output);
        if (value == null) {
            throw new IllegalStateException("group-buy-cutoff.dmn gave no " + output);
        }
        return value.toString();
    }
}
