package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a storefront order means, field by field: a retry means the same, another order names what differs. */
class OrderFingerprintTest {

    private static PlaceOrder order(String currency, String email, String city, String country, PlaceOrder.Line... lines) {
        return new PlaceOrder("SHOP-7", currency, null,
                new PlaceOrder.ConsumerContact("Erika Mustermann", email, null),
                new PlaceOrder.Address("Erika Mustermann", "Heidestrasse 17", null, city, "51147", null, country),
                List.of(lines), null, null);
    }

    private static PlaceOrder.Line line(String sku, int quantity, String salePrice) {
        return new PlaceOrder.Line(sku, quantity, new BigDecimal(salePrice));
    }

    private static PlaceOrder mug() {
        return order("EUR", "erika@example.com", "Köln", "DE", line("DEMO-MUG", 2, "15.00"));
    }

    private static List<String> differing(PlaceOrder first, PlaceOrder again) {
        OrderFingerprint stored = OrderFingerprint.read(OrderFingerprint.of(first).stored()).orElseThrow();
        return OrderFingerprint.of(again).differingFields(stored);
    }

    @Test
    void theSameOrderWrittenDifferentlyMeansTheSame() {
        PlaceOrder again = new PlaceOrder("SHOP-7", "eur", "WEBSHOP",
                new PlaceOrder.ConsumerContact(" Erika Mustermann", "Erika@Example.com", " "),
                new PlaceOrder.Address("Erika Mustermann", "Heidestrasse 17 ", "", "Ko\u0308ln", "51147", null, "de"),
                List.of(line("DEMO-MUG", 2, "15")), "HOME_DELIVERY", null);

        assertThat(differing(mug(), again)).isEmpty();
    }

    @Test
    void anotherOrderUnderTheSameIdNamesEachFieldThatDiffers() {
        PlaceOrder other = order("USD", "erika@example.com", "Bonn", "DE", line("DEMO-MUG", 3, "15.00"),
                line("DEMO-TEAPOT", 1, "20.00"));

        assertThat(differing(mug(), other)).containsExactly("currency", "lines[0].quantity", "lines[1].quantity",
                "lines[1].salePrice", "lines[1].sku", "shippingAddress.city");
    }

    @Test
    void aPickupPointInsteadOfAnAddressIsAnotherFulfillment() {
        PlaceOrder pickup = new PlaceOrder("SHOP-7", "EUR", null, mug().consumer(), null, mug().lines(), null,
                "DEMO-POINT");

        assertThat(differing(mug(), pickup)).contains("fulfillment", "pickupPoint", "shippingAddress.city");
    }

    @Test
    void nothingStoredIsNoFingerprint() {
        assertThat(OrderFingerprint.read(null)).isEmpty();
        assertThat(OrderFingerprint.read("")).isEmpty();
    }
}
