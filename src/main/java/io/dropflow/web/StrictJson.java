package io.dropflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Optional;

/**
 * Our API's JSON rules ({@link JsonInput}) for an endpoint that reads its body itself, a piece at a time (an offer
 * import reads each offer of its array on its own, to refuse a bad one and take the others): the reader and the
 * words of the 400 that a request body read by Spring gets.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /**
     * Reads a {@code type} as our API reads a request body of it: a key twice in one object, a field the type does
     * not have and a value of another JSON type than its field's are errors ({@link #fieldError} words them).
     * @param mapper the application's mapper (with its modules: no NUL character, decimals that fit)
     */
    public static ObjectReader readerFor(ObjectMapper mapper, Class<?> type) {
        return strict(JsonInput.asDocumented(mapper).readerFor(type));
    }

    static ObjectReader strict(ObjectReader reader) {
        return reader.with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The field and what is wrong with it, as the API's 400 names it ("Active is not a field of this request; its
     * fields are …", "stock must be a number, sent as a JSON number (1, not "1")"); empty for an error that is no
     * field's (text that is not JSON).
     */
    public static Optional<InvalidRequest.FieldError> fieldError(Throwable readingError) {
        return Optional.ofNullable(ApiProblems.fieldError(readingError));
    }

    /** A key sent twice in one JSON object, in the words of the API's 400. */
    public static InvalidRequest.FieldError twice(String field, String key) {
        return new InvalidRequest.FieldError(field, "appears twice in one JSON object (key \"" + key
                + "\"); send each key once");
    }
}
