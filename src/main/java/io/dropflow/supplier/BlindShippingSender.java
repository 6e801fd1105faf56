package io.dropflow.supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Blind shipping: the sender every supplier prints on our parcels is the seller ({@code dropflow.seller}). */
@Component
public class BlindShippingSender {

    private final SupplierGateway.Sender sender;

    BlindShippingSender(@Value("${dropflow.seller.name}") String name,
            @Value("${dropflow.seller.return-address}") String returnAddress) {
        this.sender = new SupplierGateway.Sender(name, returnAddress);
    }

    public SupplierGateway.Sender sender() {
        return sender;
    }
}
