package io.dropflow.supplier;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A supplier sends an event under an id it used before for another event: 409, and nothing changes. The
 * supplier's event ids are unique; taking this one would act on what the first one did not say.
 */
public class SupplierEventIdReusedException extends ApiProblem {

    public SupplierEventIdReusedException(String supplierCode, String eventId) {
        super(HttpStatus.CONFLICT, "supplier-event-id-reused", "Event id used before",
                "supplier " + supplierCode + " sent event " + eventId + " before with other content: an eventId names"
                        + " one event, so this one changed nothing; send it under an id of its own");
        property("eventId", eventId);
    }
}
