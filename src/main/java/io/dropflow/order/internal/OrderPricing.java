package io.dropflow.order.internal;

import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An order's money seen in the order's own currency: supply prices in other currencies converted at
 * today's rate (never compared unconverted), and the platform fee on its sale.
 */
@Component
class OrderPricing {

    private final ExchangeRates rates;
    private final Ledger ledger;
    private final Clock clock;

    OrderPricing(ExchangeRates rates, Ledger ledger, Clock clock) {
        this.rates = rates;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** {@code amount} in the order's currency at today's rate; empty when Dropflow keeps no such rate. */
    Optional<Money> inCurrencyOf(Order order, Money amount) {
        if (!rates.canConvert(amount.currency(), order.getCurrency(), clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(rates.convert(amount, order.getCurrency(), clock.instant()).to());
    }

    /** Whether Dropflow has a rate (its own, the inverse, or through the settlement currency) from one currency to the other today. */
    boolean canConvert(String from, String to) {
        return rates.canConvert(from, to, clock.instant());
    }

    /** The ledger's currency. */
    String settlementCurrency() {
        return rates.settlementCurrency();
    }

    /** Whether money in {@code currency} can be booked: converted into the ledger's settlement currency. */
    Optional<String> settlementProblem(String currency) {
        String settlement = rates.settlementCurrency();
        return rates.canConvert(currency, settlement, clock.instant()) ? Optional.empty()
                : Optional.of("no exchange rate from " + currency + " to " + settlement + ", the settlement currency");
    }

    /** The marketplace and payment fees the seller pays on the order's sale. */
    Money platformFee(Order order) {
        return ledger.platformFee(order.getChannel(), order.sale());
    }
}
