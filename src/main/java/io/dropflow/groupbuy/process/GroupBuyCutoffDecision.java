package io.dropflow.groupbuy.process;

import io.dropflow.groupbuy.internal.CutoffTable;
import io.dropflow.processengine.DecisionRow;
import java.time.LocalTime;
import java.util.Map;
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
        DecisionRow row = DecisionRow.evaluate(decisions, GroupBuyBatchProcess.CUTOFF_DECISION, "group-buy-cutoff.dmn",
                Map.of("pickupPoint", pickupPoint, "country", country, "region", region),
                "pickup point " + pickupPoint + " (" + country + ", " + region + ")");
        LocalTime cutoffTime = row.timeOfDay("cutoffTime");
        long deliveryDays = row.wholeNotNegative("deliveryDays");
        return new Terms(cutoffTime, cutoffEvery(row), (int) Math.min(deliveryDays, Integer.MAX_VALUE),
                row.positiveDuration("collectWithin"), row.positiveDuration("confirmReceiptWithin"));
    }

    /** Whole days (P1D) or a time (PT2M), more than nothing: what {@code Cutoffs} steps by. */
    private static String cutoffEvery(DecisionRow row) {
        return row.step("cutoffEvery");
    }
}
