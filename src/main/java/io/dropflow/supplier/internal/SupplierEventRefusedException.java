package io.dropflow.supplier.internal;

import io.dropflow.supplier.SupplierEvent;
import io.dropflow.web.ApiProblem;
import io.dropflow.web.InvalidRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A supplier's event that Dropflow could read but that does not fit its purchase order (missing lines it does not
 * have, or more pieces missing than were ordered): 422, each field named in {@code errors} as bean validation's
 * 400 names them, and nothing changes; the event id is not taken, so the supplier sends the corrected event again
 * (under the same id or another). Taking it would act on something the supplier did not say.
 */
public class SupplierEventRefusedException extends ApiProblem {

    public SupplierEventRefusedException(String supplierCode, SupplierEvent event, List<InvalidRequest.FieldError> errors) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "supplier-event-refused", "Event does not fit the purchase order",
                "supplier " + supplierCode + " event " + event.eventId() + " does not fit purchase order "
                        + event.purchaseOrderNumber() + ": " + errors.stream().map(InvalidRequest.FieldError::text)
                        .reduce((a, b) -> a + "; " + b).orElse("refused") + "; nothing changed, send it corrected");
        property("eventId", event.eventId());
        property("purchaseOrderNumber", event.purchaseOrderNumber());
        property("errors", errors.stream().map(e -> e.field() == null ? Map.of("message", e.message())
                : Map.of("field", e.field(), "message", e.message())).toList());
    }
}
