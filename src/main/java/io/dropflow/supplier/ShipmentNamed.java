package io.dropflow.supplier;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A SHIPPED event names its parcel: {@code carrierCode} and {@code trackingNumber}, each one that is missing (or
 * blank) named as the field of its own error, so the supplier sees which to send.
 */
@Documented
@Constraint(validatedBy = ShipmentNamed.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface ShipmentNamed {

    String MESSAGE = "must be set: a SHIPPED event needs carrierCode and trackingNumber";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ShipmentNamed, SupplierEvent> {

        @Override
        public boolean isValid(SupplierEvent event, ConstraintValidatorContext context) {
            if (event == null || event.isShipmentComplete()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (blank(event.carrierCode())) {
                context.buildConstraintViolationWithTemplate(MESSAGE).addPropertyNode("carrierCode")
                        .addConstraintViolation();
            }
            if (blank(event.trackingNumber())) {
                context.buildConstraintViolationWithTemplate(MESSAGE).addPropertyNode("trackingNumber")
                        .addConstraintViolation();
            }
            return false;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
