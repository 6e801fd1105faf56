package io.dropflow.supplier;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.dropflow.carrier.TrackingNumbers;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A SHIPPED event names its parcel: {@code carrierCode} and {@code trackingNumber}, each one that is missing (or
 * blank) named as the field of its own error, so the supplier sees which to send. A {@code trackingNumber} that is
 * no carrier's (a control or invisible character in it, an emoji, no letter or digit: the rule is
 * {@link io.dropflow.carrier.TrackingNumbers#whyNot}) is refused too, naming the field, before anything is recorded,
 * registered with a carrier or sent to the storefront (exploratory test s18, H15).
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
            if (event == null) {
                return true;
            }
            java.util.Optional<String> notANumber = TrackingNumbers.whyNot(event.trackingNumber());
            if (event.isShipmentComplete() && notANumber.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (notANumber.isPresent()) {
                // the supplier's text goes into the message: escaped, so that no part of it is read as a template
                context.buildConstraintViolationWithTemplate(literal(notANumber.get())).addPropertyNode("trackingNumber")
                        .addConstraintViolation();
            }
            if (!event.isShipmentComplete() && blank(event.carrierCode())) {
                context.buildConstraintViolationWithTemplate(MESSAGE).addPropertyNode("carrierCode")
                        .addConstraintViolation();
            }
            if (!event.isShipmentComplete() && blank(event.trackingNumber())) {
                context.buildConstraintViolationWithTemplate(MESSAGE).addPropertyNode("trackingNumber")
                        .addConstraintViolation();
            }
            return false;
        }

        /** A message template that says {@code text} as it is: braces, dollar signs and backslashes escaped. */
        static String literal(String text) {
            return text.replaceAll("([\\\\{}$])", "\\\\$1");
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
