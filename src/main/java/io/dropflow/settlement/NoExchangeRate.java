package io.dropflow.settlement;

import io.dropflow.web.ApiProblem;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/** No rate converts one currency into the other at the time asked for: the amounts cannot be compared or booked. */
public class NoExchangeRate extends ApiProblem {

    public NoExchangeRate(String from, String to, Instant at) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "no-exchange-rate", "No exchange rate",
                "no exchange rate from " + from + " to " + to + " valid at " + at
                        + ": add one (POST /api/exchange-rates)");
    }
}
