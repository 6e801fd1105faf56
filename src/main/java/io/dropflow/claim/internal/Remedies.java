package io.dropflow.claim.internal;

import io.dropflow.claim.Remedy;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;

/** How remedies read in histories, forms and consumer messages. */
final class Remedies {

    private Remedies() {
    }

    static String text(Remedy remedy, BigDecimal amount, String currency) {
        if (remedy == null) {
            return "no remedy";
        }
        return switch (remedy) {
            case RESHIP -> "a replacement shipment";
            case REFUND -> "a full refund of " + money(amount, currency);
            case COMPENSATION -> "a compensation of " + money(amount, currency);
        };
    }

    static String money(BigDecimal amount, String currency) {
        return amount == null ? "?" : Money.format(amount, currency);
    }

    /** An amount someone sent, with its currency, as sent (not rounded: "4.999 EUR", "99 EUR"). */
    static String asSent(BigDecimal amount, String currency) {
        return amount == null ? "?" : amount.toPlainString() + " " + currency;
    }
}
