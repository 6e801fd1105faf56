package io.dropflow.settlement.process;

import io.dropflow.processengine.DecisionRow;
import io.dropflow.settlement.internal.PlatformFeeTable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
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
        DecisionRow row = DecisionRow.evaluate(decisions, DECISION, "platform-fees.dmn", inputs, "channel " + channel);
        BigDecimal rate = row.decimal("feeRate");
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw row.notA("feeRate", "a share from 0 to below 1");
        }
        return rate;
    }
}
