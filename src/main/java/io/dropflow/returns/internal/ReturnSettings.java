package io.dropflow.returns.internal;

import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Returns and exchanges ({@code dropflow.returns}). Who pays return shipping, restocking fees and
 * whether the supplier must agree come from bpmn/return-policy.dmn; rounds and waits (supplier,
 * consumer, inspection, exchange ship-by, operators' decisions, the return parcel's silence) from
 * bpmn/return-deadlines.dmn; the return window from bpmn/after-sales-windows.dmn. What remains here
 * is technical or partner data: the hour's length, and the carrier's price for a return label (what
 * the carrier bills, like an exchange rate; who pays it is return-policy.dmn's decision).
 *
 * @param labelCost what a return label costs (paid by whoever the policy names), in {@code labelCurrency}
 * @param labelCurrency the currency the carrier bills labels in; a return converts it into its own
 * @param hour how long one return-deadline hour lasts: PT1H, except in the demo
 */
@ConfigurationProperties("dropflow.returns")
public record ReturnSettings(BigDecimal labelCost, String labelCurrency, Duration hour) {

    public ReturnSettings {
        labelCost = labelCost == null ? new BigDecimal("4.90") : labelCost;
        labelCurrency = labelCurrency == null || labelCurrency.isBlank() ? "EUR" : labelCurrency;
        hour = hour == null ? Duration.ofHours(1) : hour;
    }

    /** {@code hours} return-deadline hours as a duration. */
    public Duration hours(long hours) {
        return hour.multipliedBy(hours);
    }

    /** What a return label costs, with its currency. */
    public Money label() {
        return new Money(labelCost, labelCurrency);
    }
}
