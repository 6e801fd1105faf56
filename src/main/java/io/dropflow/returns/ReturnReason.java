package io.dropflow.returns;

/** Why the consumer sends goods back: the first two are the consumer's choice, the last two the supplier's fault. */
public enum ReturnReason {
    CHANGED_MIND,
    DOES_NOT_FIT,
    DEFECTIVE,
    NOT_AS_DESCRIBED
}
