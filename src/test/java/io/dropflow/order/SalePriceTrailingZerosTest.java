package io.dropflow.order;

import static io.dropflow.support.DropflowDriver.asOperator;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * Exploratory finding s15 money 7: a sale price padded with zeros past the 4th decimal ("15.00000" EUR) was a 400
 * "numeric value out of bounds (<13 digits>.<4 digits> expected)" while "15.0000" was taken as 15.00 EUR. The rule is
 * the currency's decimals on the value: trailing zeros are the same amount; a price with more decimals than the
 * currency has is refused in the API's words.
 */
@DropflowTest
class SalePriceTrailingZerosTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
    }

    private static Map<String, Object> order(String salePrice) {
        return new HashMap<>(DropflowDriver.order("SHOP-" + UUID.randomUUID(), "DEMO-MUG", 1, salePrice));
    }

    @Test
    void aSalePricePaddedWithZerosIsTheSameAmount() {
        Map<String, Object> padded = order("15.00000");

        DropflowDriver.Placed placed = dropflow.place(padded);

        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().path("saleTotal").decimalValue()).isEqualByComparingTo("15.00");
        // The same order written with fewer zeros is the same order again
        Map<String, Object> again = new HashMap<>(DropflowDriver.order(placed.storefrontOrderId(), "DEMO-MUG", 1,
                "15.0000"));
        DropflowDriver.Placed same = dropflow.place(again);
        assertThat(same.status()).as(same.body().toString()).isEqualTo(200);
        assertThat(same.orderId()).isEqualTo(placed.orderId());
    }

    @Test
    void aSalePriceWithMoreDecimalsThanItsCurrencyIsRefusedInTheApisWords() {
        ResponseEntity<String> refused = dropflow.post("/api/orders", order("15.00001"), asOperator());

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        String detail = DropflowDriver.read(refused.getBody()).path("detail").asText();
        assertThat(detail).contains("lines[0].salePrice 15.00001 has more decimals than EUR has (2)")
                .doesNotContain("numeric value out of bounds");
    }
}
