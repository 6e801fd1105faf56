package io.dropflow.settlement.internal;

import io.dropflow.settlement.Currencies;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the seller settles ({@code dropflow.settlement}): the ledger's currency, a technical choice.
 * The fees on a sale are the analysts' (bpmn/platform-fees.dmn).
 *
 * @param currency the one currency of the ledger and of every margin (configured once)
 */
@ConfigurationProperties("dropflow.settlement")
record SettlementSettings(String currency) {

    SettlementSettings {
        currency = currency == null || currency.isBlank() ? "EUR" : currency;
        if (!Currencies.isActive(currency)) {
            throw new IllegalArgumentException("dropflow.settlement.currency " + currency
                    + " is not an ISO 4217 currency in circulation");
        }
    }
}
