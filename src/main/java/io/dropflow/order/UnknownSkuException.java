package io.dropflow.order;

import io.dropflow.web.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The order names products no supplier offers: it cannot be fulfilled as sent (422, naming the SKUs). */
public class UnknownSkuException extends ApiProblem {

    private final List<String> skus;

    public UnknownSkuException(List<String> skus) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-sku", "Unknown SKU",
                "no supplier offers SKU " + String.join(", ", skus));
        this.skus = List.copyOf(skus);
        property("skus", this.skus);
    }

    public List<String> skus() {
        return skus;
    }
}
