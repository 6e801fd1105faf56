package io.dropflow.returns;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A return naming lines, quantities or an exchange SKU the order or its supplier does not have: 422. */
public class InvalidReturnException extends ApiProblem {

    public InvalidReturnException(String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-return", "Return does not fit the order", message);
    }
}
