package io.dropflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A decimal (an amount, a rate) as it is read, from JSON or a file: one whose exponent makes it a number of more
 * digits than anyone writes ({@code "1e2147483647"}, {@code 1E+2147483647}, {@code "1e-2147483647"}) is refused
 * where it is read, a 400 naming the field. Read as it is, it passes {@code @Digits} (whose count of digits before
 * the point, precision − scale, overflows an {@code int}) and fails later in whatever writes it out or rounds it:
 * a 500, and for a partner's webhook a retry without end. Checked on the exponent, never by writing the number out.
 */
@Configuration
public class DecimalInput {

    /** The most digits a decimal has written without its exponent: Jackson's own limit on a number's length. */
    public static final int MOST_DIGITS = 1000;

    /** Why such a decimal is refused, after the field's name. */
    public static final String OUT_OF_RANGE = "is out of range: written without its exponent it has more than "
            + MOST_DIGITS + " digits";

    /** Whether {@code value} written out (no exponent) has at most {@link #MOST_DIGITS} digits before or after its point. */
    public static boolean fits(BigDecimal value) {
        long after = value.scale();
        long before = value.precision() - after; // in long: 1 − (−2147483647) overflows an int
        return after <= MOST_DIGITS && before <= MOST_DIGITS;
    }

    /**
     * Every decimal the application's JSON mappers read (our API's bodies, multipart parts, partners' webhooks),
     * as Jackson reads it, then refused when it does not {@link #fits fit}.
     */
    @Bean
    public SimpleModule decimalsThatFit() {
        SimpleModule module = new SimpleModule("dropflow-decimals-that-fit");
        module.addDeserializer(BigDecimal.class, new NumberDeserializers.BigDecimalDeserializer() {
            @Override
            public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                BigDecimal value = super.deserialize(parser, context);
                if (value != null && !fits(value)) {
                    throw context.weirdNumberException(value, BigDecimal.class, OUT_OF_RANGE);
                }
                return value;
            }
        });
        return module;
    }
}
