package io.dropflow.aftersales.process;

import static io.dropflow.aftersales.process.AfterSalesParcelProcess.SHIPMENT_ID;

import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers an after-sales case's parcel with the carrier's tracking (after-sales-parcel.bpmn), once per shipment:
 * a retry after the carrier answered changes nothing.
 */
@CallsPartner
@Component("registerAfterSalesParcel")
class RegisterAfterSalesParcel implements JavaDelegate {

    private final AfterSalesParcels parcels;

    RegisterAfterSalesParcel(AfterSalesParcels parcels) {
        this.parcels = parcels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        parcels.register(SHIPMENT_ID.from(execution));
    }
}
