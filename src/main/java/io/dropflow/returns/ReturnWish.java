package io.dropflow.returns;

/** What the consumer wants for the goods sent back. */
public enum ReturnWish {
    REFUND,
    /** Another variant (exchangeSku) instead. */
    EXCHANGE
}
