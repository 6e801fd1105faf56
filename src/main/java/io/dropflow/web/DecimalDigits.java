package io.dropflow.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
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
import java.math.BigDecimal;

/**
 * A decimal (an amount, a rate) with at most {@link #integer} digits before the point and {@link #fraction} after
 * it, counted on its value: trailing zeros are no digits ({@code "15.00000"} is 15.00, as {@code "15.0000"} and
 * {@code "15"} are). {@code @Digits} counts them as written, so the same amount padded with one zero more was
 * refused with a Bean Validation text. Refused, it says so with the value and the limit:
 * "0.4041234567891 has more than 12 digits after the decimal point". Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = DecimalDigits.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface DecimalDigits {

    /** The most digits before the decimal point. */
    int integer();

    /** The most digits after the decimal point, trailing zeros not counted. */
    int fraction();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DecimalDigits, BigDecimal> {

        private int integer;
        private int fraction;

        @Override
        public void initialize(DecimalDigits digits) {
            integer = digits.integer();
            fraction = digits.fraction();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = problem(value, integer, fraction);
            if (problem != null) {
                context.disableDefaultConstraintViolation();
                // The value is digits, a point and a sign only: nothing a message template would interpolate
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            }
            return problem == null;
        }

        /** Why {@code value} has too many digits, or null when it has not. */
        public static String problem(BigDecimal value, int integer, int fraction) {
            BigDecimal digits = value.stripTrailingZeros();
            long before = (long) digits.precision() - digits.scale(); // long: 1E+2147483647 overflows an int
            if (before > integer) {
                return value.toPlainString() + " has more than " + integer + " digits before the decimal point";
            }
            if (digits.scale() > fraction) {
                return value.toPlainString() + " has more than " + fraction + " digits after the decimal point"
                        + (fraction == 0 ? "" : " (zeros at its end are not counted)");
            }
            return null;
        }
    }
}
