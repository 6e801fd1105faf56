package io.dropflow.processengine;

/** A message a model waits for, as its backing class names it; ModelNamesTest checks the model defines it. */
public interface ModelMessage {

    /** The message's name in the model, e.g. {@code SupplierAcceptedPurchaseOrder}. */
    String messageName();
}
