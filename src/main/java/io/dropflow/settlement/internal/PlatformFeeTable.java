package io.dropflow.settlement.internal;

import java.math.BigDecimal;

/** bpmn/platform-fees.dmn, which analysts own: the fees on a sale, as a share of it, by sales channel. */
public interface PlatformFeeTable {

    /**
     * @throws io.dropflow.processengine.DecisionTableBroken when the table has no rule for the channel, or no share
     *         between 0 and 1, or gives no valid output
     */
    BigDecimal feeRate(String channel);
}
