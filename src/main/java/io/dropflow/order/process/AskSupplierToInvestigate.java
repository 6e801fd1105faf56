package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.TRACKING_WATCHED_SINCE;

import io.dropflow.order.internal.Delivery;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the supplier that shipped the parcel to chase its carrier, once per operator decision: the
 * moment of the decision ({@code trackingWatchedSince}, set on the way here) is part of the key.
 */
@CallsPartner
@Component("askSupplierToInvestigate")
class AskSupplierToInvestigate implements JavaDelegate {

    private final Delivery delivery;

    AskSupplierToInvestigate(Delivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.askSupplierToInvestigate(SHIPMENT_ID.from(execution), TRACKING_WATCHED_SINCE.optionalFrom(execution));
    }
}
