package io.dropflow.returns;

import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Returns and exchanges ({@code dropflow.returns}). Who pays return shipping, restocking fees and
 * whether the supplier must agree come from bpmn/return-policy.dmn.
 *
 * @param window how long after delivery a consumer may ask to return goods (14 days: the EU right of withdrawal)
 * @param labelCost what a return label costs (paid by whoever the policy names), in {@code labelCurrency}
 * @param labelCurrency the currency the carrier bills labels in; a return converts it into its own
 * @param supplierAnswerTime how long each round waits for the supplier's answer, then escalates
 * @param consumerAnswerTime how long an alternative offer waits for the consumer's answer
 * @param inspectionTime how long the supplier has to report on a returned parcel after it arrived
 * @param negotiationRounds how often a return may go to the supplier before a counter escalates
 * @param exchangeShipBy how long the supplier has to ship an exchange
 */
@ConfigurationProperties("dropflow.returns")
public record ReturnSettings(Duration window, BigDecimal labelCost, String labelCurrency, Duration supplierAnswerTime,
        Duration consumerAnswerTime, Duration inspectionTime, Integer negotiationRounds, Duration exchangeShipBy) {

    public ReturnSettings {
        window = window == null ? Duration.ofDays(14) : window;
        labelCost = labelCost == null ? new BigDecimal("4.90") : labelCost;
        labelCurrency = labelCurrency == null || labelCurrency.isBlank() ? "EUR" : labelCurrency;
        supplierAnswerTime = supplierAnswerTime == null ? Duration.ofDays(2) : supplierAnswerTime;
        consumerAnswerTime = consumerAnswerTime == null ? Duration.ofDays(3) : consumerAnswerTime;
        inspectionTime = inspectionTime == null ? Duration.ofDays(5) : inspectionTime;
        negotiationRounds = negotiationRounds == null ? 2 : negotiationRounds;
        exchangeShipBy = exchangeShipBy == null ? Duration.ofHours(48) : exchangeShipBy;
    }

    /** What a return label costs, with its currency. */
    public Money label() {
        return new Money(labelCost, labelCurrency);
    }
}
