package io.dropflow.settlement.internal;

import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A new rate for a pair that would change conversions already made: it would start before the pair's
 * rate in effect now, or at or before a ledger entry converted with the pair's earlier rate. A rate that
 * starts in the future has converted nothing and does not count. A correction is a new rate from now on.
 */
class ExchangeRateBackdated extends ApiProblem {

    private ExchangeRateBackdated(String detail) {
        super(HttpStatus.CONFLICT, "exchange-rate-backdated", "Exchange rate starts too early", detail);
    }

    static ExchangeRateBackdated beforeRateInEffect(ExchangeRate inEffect, ExchangeRate asked) {
        return new ExchangeRateBackdated("a rate for " + asked.base() + "/" + asked.quote() + " from " + asked.validFrom()
                + " would start before the rate in effect now (1 " + inEffect.base() + " = "
                + inEffect.rate().toPlainString() + " " + inEffect.quote() + " from " + inEffect.validFrom()
                + ") and change what was booked since; a correction is a new rate with a later validFrom");
    }

    static ExchangeRateBackdated beforeBooking(LedgerEntry booked, ExchangeRate asked) {
        return new ExchangeRateBackdated("a rate for " + asked.base() + "/" + asked.quote() + " from " + asked.validFrom()
                + " would change what was booked since: order " + booked.orderId() + "'s " + booked.type() + " ("
                + booked.reference() + ") was converted from " + booked.originalCurrency() + " to " + booked.currency()
                + " at " + ExchangeRates.asBooked(booked.rate()).toPlainString() + " at " + booked.bookedAt()
                + "; a correction is a new rate with a validFrom after " + booked.bookedAt());
    }
}
