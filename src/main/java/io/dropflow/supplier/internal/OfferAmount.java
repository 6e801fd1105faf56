package io.dropflow.supplier.internal;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.dropflow.web.DecimalDigits;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A price or shipping cost of an offer as the API takes it: not negative, with no more digits than the
 * catalog keeps ({@link CatalogRules}, which holds an import's rows to the same limits).
 */
@PositiveOrZero
@DecimalDigits(integer = CatalogRules.AMOUNT_INTEGER_DIGITS, fraction = CatalogRules.AMOUNT_FRACTION_DIGITS)
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface OfferAmount {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
