package io.dropflow.settlement.process;

import io.dropflow.settlement.internal.PlatformFeeTable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** platform-fees.dmn as deployed, evaluated by the engine (the latest version analysts deployed). */
@Component
class PlatformFeesDecision implements PlatformFeeTable {

    static final String DECISION = "platform_fees";

    private final DecisionService decisions;

    PlatformFeesDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public BigDecimal feeRate(String channel) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("channel", channel);
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate()
                .getSingleResult();
        Object rate = result == null ? null : result.getEntry("feeRate");
        if (!(rate instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() >= 1) {
            throw new IllegalStateException("platform-fees.dmn gave no share for channel " + channel + ": " + rate);
        }
        return new BigDecimal(number.toString());
    }
}
