package io.dropflow.settlement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A JSON number in plain digits, never in exponent notation: a rate of 0.0000001 is written so,
 * not as {@code 1E-7} (what {@link BigDecimal#toString()}, and so Jackson, writes for it).
 */
public class PlainDigits extends JsonSerializer<BigDecimal> {

    @Override
    public void serialize(BigDecimal value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeNumber(value.toPlainString());
    }
}
