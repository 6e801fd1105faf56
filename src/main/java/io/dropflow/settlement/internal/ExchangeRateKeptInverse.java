package io.dropflow.settlement.internal;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A rate for a pair whose rates are kept the other way round. A pair is kept in one direction, the
 * first posted: two series for one pair would contradict each other, and a conversion would follow
 * whichever it found first, however old.
 */
class ExchangeRateKeptInverse extends ApiProblem {

    ExchangeRateKeptInverse(String base, String quote) {
        super(HttpStatus.CONFLICT, "exchange-rate-kept-inverse", "Exchange rate kept the other way round",
                "rates between " + base + " and " + quote + " are kept as 1 " + quote + " = x " + base
                        + "; post the rate with base " + quote + " and quote " + base);
    }
}
