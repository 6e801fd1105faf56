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

    /** An amount someone sent, with its currency, not rounded: "99.00 EUR", "4.999 EUR". */
    static String asSent(BigDecimal amount, String currency) {
        return amount == null ? "?" : Money.formatAsSent(amount, currency);
    }
}
