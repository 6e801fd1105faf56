package io.dropflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** How our API reads JSON, beyond Spring Boot's defaults. */
@Configuration
class JsonInput {

    /**
     * Our own API takes what it documents and nothing else, so that nothing a caller sends is dropped in
     * silence (400 naming the field, {@link ApiProblems}):
     * <ul>
     * <li>a key twice in one object ({@code "quantity": 1, "quantity": 5}), instead of the last one
     * silently winning: the caller meant one of them;</li>
     * <li>a field the request does not have ({@code "giftWrap": true}, {@code "lineTwo"} for
     * {@code line2}), instead of being ignored: the caller expected it to do something.</li>
     * <li>a value of another JSON type than its field's, instead of being converted: a number as text
     * ({@code "quantity": "1"}, also {@code ""}), a yes/no as text or a number ({@code "true"}, {@code 1}), text
     * as a number or a yes/no ({@code "postalCode": 51147}), an enum by its position ({@code "type": 0}). An
     * amount is the exception: the API documents it as text ({@code "salePrice": "15.00"}, exact) and takes it
     * as a number too ({@code 15}).</li>
     * </ul>
     * A partner's webhook ({@code /api/webhooks/**}: suppliers, carriers, marketplaces) keeps Jackson's
     * defaults, the last key wins and a field we do not know is ignored: partners add fields to their
     * events, and a 400 would make the partner give up on an event we could take. Shopify, CJ, Kuaidi100
     * and 17TRACK record their bodies as they came and read them later, one JSON value each
     * ({@code DeliveryHandler.Delivery#json}), and our partner clients read answers with
     * their own converters.
     * <p>
     * Everyone's body is one JSON value, nothing after it ({@link OneJsonValue}), and its dates are ISO 8601 text
     * with a year from 1900 to 9999 ({@link IsoDates}; a partner may send a date-time as Unix seconds).
     */
    @Bean
    MappingJackson2HttpMessageConverter jsonAsDocumented(ObjectMapper mapper) {
        ObjectMapper asDocumented = asDocumented(mapper);
        ObjectMapper fromPartners = mapper.copy().registerModule(IsoDates.orUnixSeconds());
        return new OneJsonValue(mapper, (view, javaType) -> {
            if (fromAPartner()) {
                return (view == null ? fromPartners.reader() : fromPartners.readerWithView(view)).forType(javaType);
            }
            return StrictJson.strict((view == null ? asDocumented.reader() : asDocumented.readerWithView(view))
                    .forType(javaType));
        });
    }

    /** A copy of the application's mapper reading as our API documents ({@link #typesAsDocumented}, ISO dates). */
    static ObjectMapper asDocumented(ObjectMapper mapper) {
        return typesAsDocumented(mapper.copy()).registerModule(IsoDates.asText());
    }

    /**
     * Jackson's coercions between JSON types turned off for our own API's bodies (a copy of the application's
     * mapper: partners' webhooks and everything else that reads JSON keep them). Decimals (amounts) keep
     * taking text, as documented.
     */
    static ObjectMapper typesAsDocumented(ObjectMapper mapper) {
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Boolean}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    private static boolean fromAPartner() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getRequestURI().startsWith(request.getRequest().getContextPath() + "/api/webhooks/");
    }

    /**
     * PostgreSQL cannot store U+0000 in text: refuse it when the JSON is read, as a 400 that says so,
     * instead of failing at the database with a 500 (found by BadInputFuzzIT).
     */
    @Bean
    SimpleModule noNulCharacters() {
        SimpleModule module = new SimpleModule("dropflow-no-nul-characters");
        module.addDeserializer(String.class, new StdScalarDeserializer<>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = StringDeserializer.instance.deserialize(parser, context);
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw context.weirdStringException(value, String.class,
                            "text must not contain the NUL character (U+0000)");
                }
                return value;
            }
        });
        return module;
    }
}
