package io.dropflow.returns.internal;

/** How a return's refund is computed; the model sets it (refundBasis) on the flows into the refund. */
public enum RefundBasis {
    /** The returned value less the restocking fee, less the label when the consumer pays it. */
    POLICY,
    /** The alternative the consumer accepted. */
    OFFER,
    /** What an operator decided after a dispute. */
    PARTIAL
}
