package io.dropflow.settlement.internal;

import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import io.dropflow.web.ApiProblem;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;

/**
 * A different rate for a pair and moment Dropflow already has one for. Rates already booked with
 * must not change under the ledger: a correction is a new rate with a later validFrom.
 */
class ExchangeRateConflict extends ApiProblem {

    ExchangeRateConflict(ExchangeRate known, BigDecimal asked) {
        super(HttpStatus.CONFLICT, "exchange-rate-conflict", "Exchange rate already set",
                "1 " + known.base() + " = " + known.rate().toPlainString() + " " + known.quote() + " from "
                        + known.validFrom() + " is already kept (asked: " + asked.toPlainString()
                        + "); a correction is a new rate with a later validFrom");
    }
}
