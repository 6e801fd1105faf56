package io.dropflow.order;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The request contradicts the order's current state (e.g. cancelling a parcel already on its way): 409. */
public class OrderConflictException extends ApiProblem {

    public OrderConflictException(String message) {
        super(HttpStatus.CONFLICT, "order-conflict", "Conflicts with the order's state", message);
    }
}
