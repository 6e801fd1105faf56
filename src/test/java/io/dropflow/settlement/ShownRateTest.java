package io.dropflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A rate reads the same wherever it is shown: no trailing zeros, and plain digits even for whole tens. */
class ShownRateTest {

    @Test
    void aRateIsShownWithoutTrailingZerosInPlainDigits() {
        assertThat(ExchangeRates.shown(new BigDecimal("10.000000000000")).toString()).isEqualTo("10");
        assertThat(ExchangeRates.shown(new BigDecimal("150")).toString()).isEqualTo("150");
        assertThat(ExchangeRates.shown(new BigDecimal("7.2000")).toString()).isEqualTo("7.2");
        assertThat(ExchangeRates.shown(new BigDecimal("0.13888889")).toString()).isEqualTo("0.13888889");
        assertThat(ExchangeRates.shown(null)).isNull();
    }
}
