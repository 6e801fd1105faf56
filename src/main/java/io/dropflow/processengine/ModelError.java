package io.dropflow.processengine;

/** A BPMN error a delegate throws and a model catches; ModelNamesTest checks the model defines its code. */
public interface ModelError {

    /** The error code in the model, e.g. {@code SUPPLIER_REFUSED}. */
    String code();
}
