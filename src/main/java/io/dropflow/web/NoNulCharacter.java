package io.dropflow.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text without the NUL character (U+0000), which PostgreSQL takes in no text, not even to compare: on a list's
 * filter ({@code ?sku=a%00b}) a 400 naming the parameter, as the orders list answers for its
 * {@code storefrontOrderId}, instead of a 500 at the database. JSON bodies are checked as they are read
 * ({@link JsonInput}). Null is left to other constraints.
 */
@Documented
@Constraint(validatedBy = NoNulCharacter.Check.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NoNulCharacter {

    String message() default "must not contain the NUL character (U+0000)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<NoNulCharacter, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || text.indexOf('\u0000') < 0;
        }
    }
}
