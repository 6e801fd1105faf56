package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Digits are counted on a decimal's value, not as it is written: trailing zeros are no digits (exploratory findings
 * s15 money 6 and 7, where {@code @Digits} refused "15.00000" and took "15.0000").
 */
class DecimalDigitsTest {

    private static String problem(String value, int integer, int fraction) {
        return DecimalDigits.Check.problem(new BigDecimal(value), integer, fraction);
    }

    @Test
    void trailingZerosAreNoDigits() {
        assertThat(problem("15.00000", 13, 4)).isNull();
        assertThat(problem("4.99900", 13, 4)).isNull();
        assertThat(problem("0.404123456789000", 12, 12)).isNull();
        assertThat(problem("1.5E+3", 13, 4)).isNull();
        assertThat(problem("0", 1, 0)).isNull();
    }

    @Test
    void moreDigitsThanTakenAreNamedWithTheValueAndTheLimit() {
        assertThat(problem("0.4041234567891", 12, 12))
                .isEqualTo("0.4041234567891 has more than 12 digits after the decimal point (zeros at its end are not counted)");
        assertThat(problem("15.00001", 13, 4)).startsWith("15.00001 has more than 4 digits after the decimal point");
        assertThat(problem("12345678901234", 13, 4)).isEqualTo("12345678901234 has more than 13 digits before the decimal point");
        assertThat(problem("1E+20", 13, 4)).isEqualTo("100000000000000000000 has more than 13 digits before the decimal point");
    }
}
