package io.dropflow.returns;

public enum ReturnWish {
    REFUND,
    /** Another variant (exchangeSku) instead. */
    EXCHANGE
}
