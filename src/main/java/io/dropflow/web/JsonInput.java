package io.dropflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How our API reads JSON, beyond Spring Boot's defaults. */
@Configuration
class JsonInput {

    /**
     * A key twice in one object ({@code "quantity": 1, "quantity": 5}) is refused (400 naming it,
     * {@link ApiProblems}) instead of the last one silently winning: the caller meant one of them.
     * This is the mapper Spring gives our controllers' {@code @RequestBody}; the partner webhooks that
     * must take what their partner sends (Shopify, CJ, Kuaidi100, 17TRACK) read their bodies with
     * their own mappers and keep Jackson's default.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer noDuplicateKeys() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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
