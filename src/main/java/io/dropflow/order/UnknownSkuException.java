package io.dropflow.order;

import java.util.List;

/** The order names products no supplier offers: it cannot be fulfilled as sent. */
public class UnknownSkuException extends RuntimeException {

    private final List<String> skus;

    UnknownSkuException(List<String> skus) {
        super("no supplier offers SKU " + String.join(", ", skus));
        this.skus = List.copyOf(skus);
    }

    public List<String> skus() {
        return skus;
    }
}
