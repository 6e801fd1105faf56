package io.dropflow.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts as partners and people read them: in the currency's own minor units (2 for EUR, 0 for JPY). */
public final class Money {

    private Money() {
    }

    public static BigDecimal inMinorUnits(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    /** "15.00 EUR". */
    public static String format(BigDecimal amount, String currency) {
        return inMinorUnits(amount, currency).toPlainString() + " " + currency;
    }
}
