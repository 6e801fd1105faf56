package io.dropflow.processengine;

/**
 * An element of a model that Java refers to (a task, event or gateway id). Each process's backing
 * class lists its elements as an enum implementing this; ModelNamesTest checks that every one
 * exists in the model, so renaming an element in Modeler without the code fails the build.
 */
public interface ModelElement {

    /** The element's id in the model, e.g. {@code service_forward_purchase_order}. */
    String id();
}
