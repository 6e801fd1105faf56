package io.dropflow.models.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A table's inputs and outputs as JSON, every decimal in plain digits: 10 hours is {@code 10}, never {@code 1E+1}
 * (what {@link BigDecimal#toString()}, and so Jackson, writes for a 10 with its trailing zero stripped), as
 * {@code io.dropflow.settlement.PlainDigits} writes rates. Maps and lists are walked; anything else is written as usual.
 */
class PlainNumbers extends JsonSerializer<Object> {

    @Override
    public void serialize(Object value, JsonGenerator json, SerializerProvider provider) throws IOException {
        if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal.toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                serialize(entry.getValue(), json, provider);
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                serialize(element, json, provider);
            }
            json.writeEndArray();
        } else {
            provider.defaultSerializeValue(value, json);
        }
    }
}
