package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.AssertTrue;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A bad field is named as the caller sent it; a rule over several fields names none it never sent. */
class CallerFieldTest {

    record Line(String sku, String exchangeSku) {
        @AssertTrue(message = "an exchange needs exchangeSku")
        public boolean isExchangeComplete() {
            return exchangeSku != null;
        }
    }

    record Request(String shippingAddress, String pickupPoint, List<Line> lines) {
        @AssertTrue(message = "a home delivery needs a shippingAddress and no pickupPoint")
        public boolean isShippingAddressOrPickupPoint() {
            return shippingAddress != null ^ pickupPoint != null;
        }

        /** A getter that is a field's, not a rule. */
        public String sku() {
            return "x";
        }
    }

    private static final Request REQUEST = new Request("a", "b", List.of(new Line("MUG", null)));

    @Test
    void aFieldKeepsItsName() {
        assertThat(ApiProblems.callerField(REQUEST, "pickupPoint")).isEqualTo("pickupPoint");
        assertThat(ApiProblems.callerField(REQUEST, "lines[0].sku")).isEqualTo("lines[0].sku");
    }

    @Test
    void aRuleOverTheRequestsFieldsNamesNoField() {
        assertThat(ApiProblems.callerField(REQUEST, "shippingAddressOrPickupPoint")).isNull();
    }

    @Test
    void aRuleOverALinesFieldsNamesTheLine() {
        assertThat(ApiProblems.callerField(REQUEST, "lines[0].exchangeComplete")).isEqualTo("lines[0]");
    }

    @Test
    void aPathThatLeadsNowhereIsLeftAsItIs() {
        assertThat(ApiProblems.callerField(REQUEST, "lines[7].exchangeComplete")).isEqualTo("lines[7].exchangeComplete");
        assertThat(ApiProblems.callerField(null, "x")).isEqualTo("x");
    }

    @Test
    void aRuleReadsAsItsMessageAlone() {
        assertThat(new InvalidRequest.FieldError(null, "a home delivery needs a shippingAddress").text())
                .isEqualTo("a home delivery needs a shippingAddress");
        assertThat(new InvalidRequest(List.of(new InvalidRequest.FieldError(null, "needs x"))).getBody().getProperties())
                .containsEntry("errors", List.of(java.util.Map.of("message", "needs x")));
    }
}
