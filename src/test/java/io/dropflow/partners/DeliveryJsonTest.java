package io.dropflow.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.dropflow.partners.DeliveryHandler.Delivery;
import org.junit.jupiter.api.Test;

/** A partner's recorded body is read as one JSON value, so a second value in it is not lost in silence. */
class DeliveryJsonTest {

    private static Delivery carrying(String payload) {
        return new Delivery(1L, "shopify", "shop", "orders/create", "d-1", payload, 0);
    }

    @Test
    void aSecondValueAfterTheFirstIsNotOneValue() {
        assertThatThrownBy(() -> carrying("{\"id\":1}\n{\"id\":2}").json())
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("more after the JSON value: {");
        assertThatThrownBy(() -> carrying("{\"id\":1}]]]").json()).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void whitespaceAfterTheValueIsFine() throws JsonProcessingException {
        assertThat(carrying("  {\"id\":1} \r\n ").json().path("id").asInt()).isEqualTo(1);
    }

    @Test
    void anEmptyBodyIsAMissingValueAsBefore() throws JsonProcessingException {
        assertThat(carrying("").json().isMissingNode()).isTrue();
        assertThat(carrying(null).json().isMissingNode()).isTrue();
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> carrying("{not json").json()).isInstanceOf(JsonProcessingException.class);
    }
}
