package io.dropflow.returns;

import io.dropflow.returns.internal.RequestReturn;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exploratory tester's 400 for an EXCHANGE without exchangeSku (and a REFUND with one) had an error with a
 * message and no field: the rule was the request's as a whole. Each now names {@code exchangeSku}, as every other
 * bad field of the API is named.
 */
class RequestReturnTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Set<ConstraintViolation<RequestReturn>> check(ReturnWish wish, String exchangeSku) {
        return VALIDATOR.validate(new RequestReturn(List.of(new RequestReturn.Line(1, 1)), ReturnReason.DOES_NOT_FIT, wish,
                exchangeSku, null));
    }

    private static List<String> fields(Set<ConstraintViolation<RequestReturn>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).toList();
    }

    @Test
    void anExchangeWithoutItsSkuNamesExchangeSku() {
        Set<ConstraintViolation<RequestReturn>> violations = check(ReturnWish.EXCHANGE, null);
        assertThat(fields(violations)).containsExactly("exchangeSku");
        assertThat(violations.iterator().next().getMessage())
                .isEqualTo("must be set for an EXCHANGE: the SKU (variant) wanted instead");
        assertThat(fields(check(ReturnWish.EXCHANGE, "  "))).containsExactly("exchangeSku");
    }

    @Test
    void aRefundWithAnExchangeSkuNamesExchangeSku() {
        Set<ConstraintViolation<RequestReturn>> violations = check(ReturnWish.REFUND, "DEMO-MUG");
        assertThat(fields(violations)).containsExactly("exchangeSku");
        assertThat(violations.iterator().next().getMessage())
                .isEqualTo("must not be set for a REFUND: only an EXCHANGE names the SKU wanted instead");
    }

    @Test
    void anExchangeWithItsSkuAndARefundWithoutOneAreValid() {
        assertThat(check(ReturnWish.EXCHANGE, "DEMO-MUG")).isEmpty();
        assertThat(check(ReturnWish.REFUND, null)).isEmpty();
        // No wish: its own @NotNull says so, nothing about exchangeSku
        assertThat(fields(check(null, "DEMO-MUG"))).containsExactly("wish");
    }
}
