package io.dropflow.returns.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.dropflow.returns.ReturnWish;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An EXCHANGE names the SKU wanted instead, and a REFUND names none: either way the error is {@code exchangeSku}'s,
 * so the storefront sees which field to send or leave out (a rule over the request as a whole named no field).
 */
@Documented
@Constraint(validatedBy = ExchangeSkuFitsWish.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface ExchangeSkuFitsWish {

    String MISSING = "must be set for an EXCHANGE: the SKU (variant) wanted instead";

    String UNWANTED = "must not be set for a REFUND: only an EXCHANGE names the SKU wanted instead";

    String message() default MISSING;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ExchangeSkuFitsWish, RequestReturn> {

        @Override
        public boolean isValid(RequestReturn request, ConstraintValidatorContext context) {
            if (request == null || request.wish() == null) {
                return true; // the wish's own @NotNull says so
            }
            boolean hasSku = request.exchangeSku() != null && !request.exchangeSku().isBlank();
            boolean exchange = request.wish() == ReturnWish.EXCHANGE;
            if (exchange == hasSku) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(exchange ? MISSING : UNWANTED).addPropertyNode("exchangeSku")
                    .addConstraintViolation();
            return false;
        }
    }
}
