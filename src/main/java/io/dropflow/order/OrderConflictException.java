package io.dropflow.order;

/** The request contradicts the order's current state (e.g. cancelling a parcel already on its way). */
public class OrderConflictException extends RuntimeException {

    public OrderConflictException(String message) {
        super(message);
    }
}
