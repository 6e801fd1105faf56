package io.dropflow.order.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.dropflow.settlement.Currencies;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Every sale price of an order has no more decimals than the order's currency has minor units
 * (none for JPY, two for EUR): {@code 1500.5 JPY} is refused rather than rounded.
 */
@Documented
@Constraint(validatedBy = PricedInMinorUnits.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface PricedInMinorUnits {

    String message() default "has more decimals than the order's currency has";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PricedInMinorUnits, PlaceOrder> {

        @Override
        public boolean isValid(PlaceOrder order, ConstraintValidatorContext context) {
            if (order == null || order.lines() == null || !Currencies.isActive(order.currency())) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (int i = 0; i < order.lines().size(); i++) {
                PlaceOrder.Line line = order.lines().get(i);
                if (line != null && line.salePrice() != null && Currencies.hasMoreDecimals(line.salePrice(), order.currency())) {
                    valid = false;
                    context.buildConstraintViolationWithTemplate(Currencies.moreDecimalsThan(line.salePrice(), order.currency()))
                            .addPropertyNode("lines").addPropertyNode("salePrice").inIterable().atIndex(i)
                            .addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
