package io.dropflow.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Input that is not valid, each bad field named with what is wrong in {@code errors}: the 400 that bean
 * validation answers with, for the checks a feature makes itself.
 */
public class InvalidRequest extends ApiProblem {

    /**
     * One bad field: {@code lines[0].salePrice}, "must not be negative"; no field for a rule over the
     * request's fields, whose message names them.
     */
    public record FieldError(String field, String message) {

        /** "supplyPrice must not be negative": how a list of problems reads. */
        public String text() {
            return field == null ? message : field + " " + message;
        }

        Map<String, String> asMap() {
            return field == null ? Map.of("message", message) : Map.of("field", field, "message", message);
        }
    }

    public InvalidRequest(List<FieldError> errors) {
        this("Invalid request", errors);
    }

    /** With a feature's own title ("Invalid catalog entry"). */
    public InvalidRequest(String title, List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", title, errors.stream().map(FieldError::text).sorted()
                .reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        property("errors", errors.stream().map(FieldError::asMap).toList());
    }
}
