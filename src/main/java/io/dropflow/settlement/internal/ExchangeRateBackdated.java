package io.dropflow.settlement.internal;

import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A new rate for a pair that would start before the latest rate kept for it: it would change the
 * conversions of everything booked since its validFrom. A correction is a new rate with a later validFrom.
 */
class ExchangeRateBackdated extends ApiProblem {

    ExchangeRateBackdated(ExchangeRate latest, ExchangeRate asked) {
        super(HttpStatus.CONFLICT, "exchange-rate-backdated", "Exchange rate starts too early",
                "a rate for " + asked.base() + "/" + asked.quote() + " from " + asked.validFrom()
                        + " would start before the latest kept one (1 " + latest.base() + " = "
                        + latest.rate().toPlainString() + " " + latest.quote() + " from " + latest.validFrom()
                        + ") and change what was booked since; a correction is a new rate with a later validFrom");
    }
}
