package io.dropflow.settlement;

import io.dropflow.web.ApiProblem;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;

/**
 * A conversion whose result the ledger cannot keep: its amount columns are numeric(19,4), less than
 * {@link #LIMIT} (10^15) either way. Said with the amount and the rate, instead of the database's
 * "value too long" once the booking is flushed; most often a rate posted with a typo.
 */
public class ConversionTooLarge extends ApiProblem {

    /** What an amount the ledger keeps stays below, either way (numeric(19,4): 15 digits before the point). */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

    public ConversionTooLarge(Money from, String currency, BigDecimal rate, BigDecimal result) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "conversion-too-large", "Conversion too large for the ledger",
                from + " at 1 " + from.currency() + " = " + rate.toPlainString() + " " + currency + " comes to "
                        + result.toPlainString() + " " + currency + ", more than the ledger keeps (less than "
                        + LIMIT.toPlainString() + "): check the rate (GET /api/exchange-rates) and the amount");
    }

    /** Whether the ledger keeps {@code amount}. */
    public static boolean fits(BigDecimal amount) {
        return amount.abs().compareTo(LIMIT) < 0;
    }
}
