package io.dropflow.claim.process;

import io.dropflow.claim.Remedy;
import java.math.BigDecimal;

/** How remedies read in histories, forms and consumer messages. */
final class Texts {

    private Texts() {
    }

    static String remedy(Remedy remedy, BigDecimal amount, String currency) {
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
        return amount == null ? "?" : io.dropflow.settlement.Money.format(amount, currency);
    }
}
