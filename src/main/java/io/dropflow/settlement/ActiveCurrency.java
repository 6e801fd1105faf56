package io.dropflow.settlement;

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

/** An ISO 4217 currency in circulation ({@link Currencies#isActive}): not {@code QQQ}, nor {@code XXX}. Null is left to {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = ActiveCurrency.Check.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ActiveCurrency {

    String message() default "must be an ISO 4217 currency in circulation, like EUR, USD, CNY or JPY";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ActiveCurrency, String> {

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || Currencies.isActive(code);
        }
    }
}
