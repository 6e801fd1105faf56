package io.dropflow.settlement.internal;

import io.dropflow.settlement.Currencies;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the seller settles ({@code dropflow.settlement}).
 *
 * @param currency the one currency of the ledger and of every margin (configured once)
 * @param platformFeeRate marketplace and payment fees as a share of the sale price
 */
@ConfigurationProperties("dropflow.settlement")
record SettlementSettings(String currency, BigDecimal platformFeeRate) {

    SettlementSettings {
        currency = currency == null || currency.isBlank() ? "EUR" : currency;
        platformFeeRate = platformFeeRate == null ? new BigDecimal("0.03") : platformFeeRate;
        if (!Currencies.isActive(currency)) {
            throw new IllegalArgumentException("dropflow.settlement.currency " + currency
                    + " is not an ISO 4217 currency in circulation");
        }
    }
}
