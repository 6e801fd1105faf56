package io.dropflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that our reading refuses, with what is wrong in the caller's own terms ("must be a date between the
 * years 1900 and 9999"): {@link ApiProblems} answers it as a 400 naming the field with this message.
 */
final class RefusedValue extends MismatchedInputException {

    private final String callerMessage;

    RefusedValue(JsonParser parser, Class<?> type, String callerMessage) {
        super(parser, callerMessage, type);
        this.callerMessage = callerMessage;
    }

    /** What is wrong, after the field's name: "must be a date as ISO 8601 text ("2028-06-30"), not a number". */
    String callerMessage() {
        return callerMessage;
    }
}
